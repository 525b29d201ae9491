import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import {
  type HostDetail,
  type HostInterfacesResponse,
  hostListQuerySchema,
  type HostStatsWithAnalysisResponse,
  type Page,
  updateHostSchema,
} from '@nta/contracts';
import { ApiZodBody, ApiZodQuery } from '../../common/decorators/api-zod.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { Audited } from '../audit/audited.decorator';
import { HOST_ID_PIPE } from '../../common/pipes/page-query.pipe';
import { HOST_LIST_QUERY_PIPE, type HostListQueryDto } from './dto/host-list-query.dto';
import { rangeQueryObject, RANGE_QUERY_PIPE, type RangeQueryDto } from './dto/range-query.dto';
import { UPDATE_HOST_PIPE, type UpdateHostDto } from './dto/update-host.dto';
import { HostsService } from './hosts.service';
import { ReportsService } from './reports.service';

@Controller('api/hosts')
export class HostsController {
  constructor(
    private readonly hosts: HostsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @ApiZodQuery(hostListQuerySchema)
  list(@Query(HOST_LIST_QUERY_PIPE) query: HostListQueryDto): Promise<Page<HostDetail>> {
    return this.hosts.page(query);
  }

  @Get(':id')
  get(@Param('id', HOST_ID_PIPE) id: string): Promise<HostDetail> {
    return this.hosts.summary(id);
  }

  @Patch(':id')
  @Audited('host.update')
  @Roles('admin')
  @ApiZodBody(updateHostSchema)
  update(
    @Param('id', HOST_ID_PIPE) id: string,
    @Body(UPDATE_HOST_PIPE) body: UpdateHostDto,
  ): Promise<HostDetail> {
    return this.hosts.update(id, body);
  }

  @Delete(':id')
  @Audited('host.delete')
  @HttpCode(204)
  @Roles('admin')
  remove(@Param('id', HOST_ID_PIPE) id: string): Promise<void> {
    return this.hosts.remove(id);
  }

  @Get(':id/interfaces')
  interfaces(@Param('id') id: string): Promise<HostInterfacesResponse> {
    return this.hosts.interfaces(id);
  }

  @Get(':id/stats')
  @ApiZodQuery(rangeQueryObject)
  async stats(
    @Param('id') id: string,
    @Query(RANGE_QUERY_PIPE) query: RangeQueryDto,
  ): Promise<HostStatsWithAnalysisResponse> {
    await this.hosts.get(id);
    return this.reports.history(id, query);
  }
}
