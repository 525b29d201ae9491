import { Controller, Get } from '@nestjs/common';
import type { HealthResponse } from '@nta/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { HealthService } from './health.service';

@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  // Always 200 so the body reaches monitors; `status` says whether a dependency is down.
  @Public()
  @Get()
  check(): Promise<HealthResponse> {
    return this.health.check();
  }
}
