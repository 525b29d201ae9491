import { Body, Controller, Post, Req } from '@nestjs/common';
import type { EnrolResponse } from '@nta/contracts';
import { Public } from '../../common/decorators/public.decorator';
import type { RequestOrigin } from '../../common/http/console-urls';
import { ENROL_REQUEST_PIPE, type EnrolRequest } from './dto/enrolment.dto';
import { EnrolmentService } from './enrolment.service';

@Controller('api/enrol')
export class EnrolmentController {
  constructor(private readonly enrolment: EnrolmentService) {}

  // Open: the enrolment token in the body is the credential (failures are rate limited).
  @Public()
  @Post()
  enrol(
    @Body(ENROL_REQUEST_PIPE) body: EnrolRequest,
    @Req() req: RequestOrigin,
  ): Promise<EnrolResponse> {
    return this.enrolment.enrol(body, req);
  }
}
