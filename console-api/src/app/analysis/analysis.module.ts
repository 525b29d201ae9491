import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { AnalysisController } from './analysis.controller';
import { AnalysisService } from './analysis.service';
import { FlowsService } from './flows.service';
import { QualityService } from './quality.service';
import { TalkersService } from './talkers.service';

@Module({
  controllers: [AnalysisController],
  imports: [HostsModule],
  providers: [AnalysisService, FlowsService, QualityService, TalkersService],
})
export class AnalysisModule {}
