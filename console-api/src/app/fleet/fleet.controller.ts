import { Controller, Get } from '@nestjs/common';
import type { FleetSummary } from '@nta/contracts';
import { FleetService } from './fleet.service';

@Controller('api/fleet')
export class FleetController {
  constructor(private readonly fleet: FleetService) {}

  @Get('summary')
  summary(): Promise<FleetSummary> {
    return this.fleet.summary();
  }
}
