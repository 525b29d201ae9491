import { Controller, Get, Res } from '@nestjs/common';
import type { HealthResponse } from '@nta/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { HealthService } from './health.service';

interface StatusResponse {
  status(code: number): unknown;
}

@Controller('api/health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  // Always 200 so the body reaches monitors; `status` says whether a dependency is down.
  @Get()
  check(): Promise<HealthResponse> {
    return this.health.check();
  }

  // Liveness: the process answers HTTP; restarting it would not bring Postgres back.
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  // Readiness: 503 until Postgres and the broker both answer, for load balancers and systemd.
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    const health = await this.health.check();
    if (health.status !== 'ok') res.status(503);
    return health;
  }
}
