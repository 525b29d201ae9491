import { Controller, Get } from '@nestjs/common';
import type { IngestCounters } from './ingest-stats';
import { IngestService } from './ingest.service';

@Controller('api/ingest')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Get('stats')
  stats(): IngestCounters {
    return this.ingest.stats.snapshot();
  }
}
