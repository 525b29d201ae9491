import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { HostGroups } from './host-groups';
import { TimeseriesController } from './timeseries.controller';
import { TimeseriesService } from './timeseries.service';

@Module({
  controllers: [TimeseriesController],
  exports: [HostGroups],
  imports: [HostsModule],
  providers: [HostGroups, TimeseriesService],
})
export class TimeseriesModule {}
