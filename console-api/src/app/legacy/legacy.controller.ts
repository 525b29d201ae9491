import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { LegacyStatsResponse } from '@nta/contracts';
import { LEGACY_CAPTURE_BODY_PIPE, type LegacyCaptureBodyDto } from './dto/legacy-capture-body.dto';
import { LEGACY_HOST_QUERY_PIPE, type LegacyHostQueryDto } from './dto/legacy-host-query.dto';
import { LegacyService } from './legacy.service';

/** The Flask tool's four routes, kept for its scripts (authenticated like the rest). */
@Controller('api')
export class LegacyController {
  constructor(private readonly legacy: LegacyService) {}

  @Get('interfaces')
  interfaces(@Query(LEGACY_HOST_QUERY_PIPE) query: LegacyHostQueryDto): Promise<string[]> {
    return this.legacy.interfaces(query.host);
  }

  @Post('start_capture')
  @HttpCode(200)
  start(@Body(LEGACY_CAPTURE_BODY_PIPE) body: LegacyCaptureBodyDto) {
    return this.legacy.start(body.host, body.interface);
  }

  @Post('stop_capture')
  @HttpCode(200)
  stop(@Body(LEGACY_CAPTURE_BODY_PIPE) body: LegacyCaptureBodyDto) {
    return this.legacy.stop(body.host);
  }

  @Get('stats')
  stats(@Query(LEGACY_HOST_QUERY_PIPE) query: LegacyHostQueryDto): Promise<LegacyStatsResponse> {
    return this.legacy.stats(query.host);
  }
}
