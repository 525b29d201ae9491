import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CaptureResponse } from '@nta/contracts';
import { CaptureService } from './capture.service';
import { CAPTURE_REQUEST_PIPE, type CaptureRequestDto } from './dto/capture-request.dto';

@Controller('api/hosts/:id')
export class CaptureController {
  constructor(private readonly capture: CaptureService) {}

  @Post('capture/start')
  @HttpCode(200)
  start(
    @Param('id') id: string,
    @Body(CAPTURE_REQUEST_PIPE) body: CaptureRequestDto,
  ): Promise<CaptureResponse> {
    return this.capture.start(id, body.interface);
  }

  @Post('capture/stop')
  @HttpCode(200)
  stop(@Param('id') id: string): Promise<CaptureResponse> {
    return this.capture.stop(id);
  }

  @Post('interfaces/refresh')
  @HttpCode(200)
  refreshInterfaces(@Param('id') id: string): Promise<CaptureResponse> {
    return this.capture.refreshInterfaces(id);
  }
}
