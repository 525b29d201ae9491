import { Controller, Get, Query } from '@nestjs/common';
import type { TimeseriesResponse } from '@nta/contracts';
import { TIMESERIES_QUERY_PIPE, type TimeseriesQueryDto } from './dto/timeseries-query.dto';
import { TimeseriesService } from './timeseries.service';

@Controller('api/timeseries')
export class TimeseriesController {
  constructor(private readonly timeseries: TimeseriesService) {}

  @Get()
  series(@Query(TIMESERIES_QUERY_PIPE) query: TimeseriesQueryDto): Promise<TimeseriesResponse> {
    return this.timeseries.series(query);
  }
}
