import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  captureFilterSchema,
  type CaptureResponse,
  captureStartSchema,
  captureStopSchema,
  captureSwitchSchema,
} from '@nta/contracts';
import { ApiZodBody } from '../../common/decorators/api-zod.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { HOST_ID_PIPE } from '../../common/pipes/page-query.pipe';
import { Audited } from '../audit/audited.decorator';
import { CaptureService } from './capture.service';
import {
  CAPTURE_FILTER_PIPE,
  CAPTURE_START_PIPE,
  CAPTURE_STOP_PIPE,
  CAPTURE_SWITCH_PIPE,
  type CaptureFilterDto,
  type CaptureStartDto,
  type CaptureStopDto,
  type CaptureSwitchDto,
} from './dto/capture-request.dto';

/**
 * Capture control, answered with the agent's verdict: 200 whenever the agent answered (its
 * refusal, e.g. libpcap's bad-filter text, is `ok: false` + `error`); 4xx/5xx only when no
 * verdict exists (bad input 400, unknown host 404, offline 409, no answer in 5 s 504).
 */
@Controller('api/hosts/:id')
export class CaptureController {
  constructor(private readonly capture: CaptureService) {}

  @Post('capture/start')
  @Audited('capture.start')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(captureStartSchema)
  start(
    @Param('id', HOST_ID_PIPE) id: string,
    @Body(CAPTURE_START_PIPE) body: CaptureStartDto,
  ): Promise<CaptureResponse> {
    return this.capture.start(id, body);
  }

  @Post('capture/stop')
  @Audited('capture.stop')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(captureStopSchema)
  stop(
    @Param('id', HOST_ID_PIPE) id: string,
    @Body(CAPTURE_STOP_PIPE) body: CaptureStopDto,
  ): Promise<CaptureResponse> {
    return this.capture.stop(id, body.interface);
  }

  @Post('capture/switch')
  @Audited('capture.switch')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(captureSwitchSchema)
  switch(
    @Param('id', HOST_ID_PIPE) id: string,
    @Body(CAPTURE_SWITCH_PIPE) body: CaptureSwitchDto,
  ): Promise<CaptureResponse> {
    return this.capture.switch(id, body);
  }

  @Post('capture/filter')
  @Audited('capture.filter')
  @HttpCode(200)
  @Roles('admin')
  @ApiZodBody(captureFilterSchema)
  filter(
    @Param('id', HOST_ID_PIPE) id: string,
    @Body(CAPTURE_FILTER_PIPE) body: CaptureFilterDto,
  ): Promise<CaptureResponse> {
    return this.capture.setFilter(id, body);
  }

  // Relisting interfaces changes nothing on the host: viewers may ask for it.
  @Post('interfaces/refresh')
  @HttpCode(200)
  refreshInterfaces(@Param('id', HOST_ID_PIPE) id: string): Promise<CaptureResponse> {
    return this.capture.refreshInterfaces(id);
  }
}
