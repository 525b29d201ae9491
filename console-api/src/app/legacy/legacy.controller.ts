import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { LegacyStatsResponse } from '@nta/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { Audited, type AuditedRequest } from '../audit/audited.decorator';
import { LEGACY_CAPTURE_BODY_PIPE, type LegacyCaptureBodyDto } from './dto/legacy-capture-body.dto';
import { LEGACY_HOST_QUERY_PIPE, type LegacyHostQueryDto } from './dto/legacy-host-query.dto';
import { LegacyService } from './legacy.service';

// The legacy body names the host (or leaves it to the single known one).
function legacyHost(req: AuditedRequest): string | null {
  const host = (req.body as { host?: unknown } | undefined)?.host;
  return typeof host === 'string' ? host : null;
}

/** The Flask tool's four routes, kept for its scripts (authenticated like the rest). */
@Controller('api')
export class LegacyController {
  constructor(private readonly legacy: LegacyService) {}

  @Get('interfaces')
  interfaces(@Query(LEGACY_HOST_QUERY_PIPE) query: LegacyHostQueryDto): Promise<string[]> {
    return this.legacy.interfaces(query.host);
  }

  @Post('start_capture')
  @Audited('capture.start', legacyHost)
  @HttpCode(200)
  @Roles('admin')
  start(@Body(LEGACY_CAPTURE_BODY_PIPE) body: LegacyCaptureBodyDto) {
    return this.legacy.start(body.host, body.interface);
  }

  @Post('stop_capture')
  @Audited('capture.stop', legacyHost)
  @HttpCode(200)
  @Roles('admin')
  stop(@Body(LEGACY_CAPTURE_BODY_PIPE) body: LegacyCaptureBodyDto) {
    return this.legacy.stop(body.host);
  }

  @Get('stats')
  stats(@Query(LEGACY_HOST_QUERY_PIPE) query: LegacyHostQueryDto): Promise<LegacyStatsResponse> {
    return this.legacy.stats(query.host);
  }
}
