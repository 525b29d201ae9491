import { Controller, Get, Query } from '@nestjs/common';
import { type HostGroup, type Page, type PageQuery, pageQuerySchema } from '@nta/contracts';
import { ApiZodQuery } from '../../common/decorators/api-zod.decorator';
import { PAGE_QUERY_PIPE } from '../../common/pipes/page-query.pipe';
import { HostsService } from './hosts.service';

@Controller('api/groups')
export class GroupsController {
  constructor(private readonly hosts: HostsService) {}

  @Get()
  @ApiZodQuery(pageQuerySchema)
  list(@Query(PAGE_QUERY_PIPE) query: PageQuery): Promise<Page<HostGroup>> {
    return this.hosts.groups(query);
  }
}
