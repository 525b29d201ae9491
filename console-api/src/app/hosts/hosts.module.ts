import { Module } from '@nestjs/common';
import { HostsController } from './hosts.controller';
import { HostsService } from './hosts.service';
import { ReportsService } from './reports.service';

@Module({
  controllers: [HostsController],
  exports: [HostsService, ReportsService],
  providers: [HostsService, ReportsService],
})
export class HostsModule {}
