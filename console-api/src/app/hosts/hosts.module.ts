import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { GroupsController } from './groups.controller';
import { HostsController } from './hosts.controller';
import { HostsService } from './hosts.service';
import { ReportsService } from './reports.service';

@Module({
  controllers: [GroupsController, HostsController],
  exports: [HostsService, ReportsService],
  imports: [LiveModule],
  providers: [HostsService, ReportsService],
})
export class HostsModule {}
