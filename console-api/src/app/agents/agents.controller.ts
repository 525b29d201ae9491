import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { EnrolledAgent, Page, PageQuery } from '@nta/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { PAGE_QUERY_PIPE } from '../../common/pipes/page-query.pipe';
import { Audited } from '../audit/audited.decorator';
import { AgentCredentialsService } from './agent-credentials.service';

@Controller('api/agents')
@Roles('admin')
export class AgentsController {
  constructor(private readonly credentials: AgentCredentialsService) {}

  @Get()
  list(@Query(PAGE_QUERY_PIPE) query: PageQuery): Promise<Page<EnrolledAgent>> {
    return this.credentials.list(query);
  }

  // For an external mosquitto: its password_file (hashes only, never a password).
  @Get('mosquitto-passwd')
  @Header('content-type', 'text/plain; charset=utf-8')
  mosquittoPasswd(): Promise<string> {
    return this.credentials.mosquittoPasswordFile();
  }

  @Post(':id/revoke')
  @Audited('agent.revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string): Promise<EnrolledAgent> {
    return this.credentials.revoke(id);
  }
}
