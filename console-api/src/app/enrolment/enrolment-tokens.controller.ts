import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { CreatedEnrolmentToken, EnrolmentTokenSummary, Page, PageQuery } from '@nta/contracts';
import {
  type AuthenticatedUser,
  CurrentUser,
} from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { SessionOnly } from '../../common/decorators/session-only.decorator';
import type { RequestOrigin } from '../../common/http/console-urls';
import { PAGE_QUERY_PIPE } from '../../common/pipes/page-query.pipe';
import { Audited } from '../audit/audited.decorator';
import { CREATE_ENROLMENT_TOKEN_PIPE, type CreateEnrolmentTokenDto } from './dto/enrolment.dto';
import { EnrolmentService } from './enrolment.service';
import { EnrolmentTokensService } from './enrolment-tokens.service';

@Controller('api/enrolment-tokens')
@Roles('admin')
@SessionOnly()
export class EnrolmentTokensController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly tokens: EnrolmentTokensService,
  ) {}

  @Post()
  @Audited('enrolment-token.create', () => null)
  create(
    @Body(CREATE_ENROLMENT_TOKEN_PIPE) body: CreateEnrolmentTokenDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
    @Req() req: RequestOrigin,
  ): Promise<CreatedEnrolmentToken> {
    return this.tokens.create(body, user?.username ?? 'unknown', this.enrolment.consoleUrl(req));
  }

  @Get()
  list(@Query(PAGE_QUERY_PIPE) query: PageQuery): Promise<Page<EnrolmentTokenSummary>> {
    return this.tokens.list(query);
  }

  @Delete(':id')
  @Audited('enrolment-token.revoke')
  revoke(@Param('id', ParseUUIDPipe) id: string): Promise<EnrolmentTokenSummary> {
    return this.tokens.revoke(id);
  }
}
