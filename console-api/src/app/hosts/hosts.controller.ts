import { Controller, Get, Param, Query } from '@nestjs/common';
import type {
  HostInterfacesResponse,
  HostStatsWithAnalysisResponse,
  HostSummary,
} from '@nta/contracts';
import { RANGE_QUERY_PIPE, type RangeQueryDto } from './dto/range-query.dto';
import { HostsService } from './hosts.service';
import { ReportsService } from './reports.service';

@Controller('api/hosts')
export class HostsController {
  constructor(
    private readonly hosts: HostsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  list(): Promise<HostSummary[]> {
    return this.hosts.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<HostSummary> {
    return this.hosts.summary(id);
  }

  @Get(':id/interfaces')
  interfaces(@Param('id') id: string): Promise<HostInterfacesResponse> {
    return this.hosts.interfaces(id);
  }

  @Get(':id/stats')
  async stats(
    @Param('id') id: string,
    @Query(RANGE_QUERY_PIPE) query: RangeQueryDto,
  ): Promise<HostStatsWithAnalysisResponse> {
    await this.hosts.get(id);
    return this.reports.history(id, query);
  }
}
