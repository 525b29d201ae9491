import type {
  HostApplicationsResponse,
  HostFlowsResponse,
  HostNamesResponse,
  HostQualityResponse,
  HostTalkersResponse,
  HostTransportsResponse,
} from '@nta/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { RANGE_QUERY_PIPE, type RangeQueryDto } from '../hosts/dto/range-query.dto';
import { AnalysisService } from './analysis.service';
import { TOP_QUERY_PIPE, type TopQueryDto } from './dto/top-query.dto';
import { FlowsService } from './flows.service';
import { QualityService } from './quality.service';
import { TalkersService } from './talkers.service';

/** What the agents' analysis says about one host over a time range. */
@Controller('api/hosts')
export class AnalysisController {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly flowsService: FlowsService,
    private readonly qualityService: QualityService,
    private readonly talkersService: TalkersService,
  ) {}

  @Get(':id/applications')
  applications(
    @Param('id') id: string,
    @Query(RANGE_QUERY_PIPE) query: RangeQueryDto,
  ): Promise<HostApplicationsResponse> {
    return this.analysis.applications(id, query);
  }

  @Get(':id/transports')
  transports(
    @Param('id') id: string,
    @Query(RANGE_QUERY_PIPE) query: RangeQueryDto,
  ): Promise<HostTransportsResponse> {
    return this.analysis.transports(id, query);
  }

  @Get(':id/flows')
  flows(
    @Param('id') id: string,
    @Query(TOP_QUERY_PIPE) query: TopQueryDto,
  ): Promise<HostFlowsResponse> {
    return this.flowsService.flows(id, query);
  }

  @Get(':id/talkers')
  talkers(
    @Param('id') id: string,
    @Query(TOP_QUERY_PIPE) query: TopQueryDto,
  ): Promise<HostTalkersResponse> {
    return this.talkersService.talkers(id, query);
  }

  @Get(':id/quality')
  quality(
    @Param('id') id: string,
    @Query(RANGE_QUERY_PIPE) query: RangeQueryDto,
  ): Promise<HostQualityResponse> {
    return this.qualityService.quality(id, query);
  }

  @Get(':id/names')
  names(@Param('id') id: string): Promise<HostNamesResponse> {
    return this.analysis.names(id);
  }
}
