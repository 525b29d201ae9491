import { Module } from '@nestjs/common';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { AgentBundleService } from './agent-bundle.service';
import { InstallController } from './install.controller';
import { InstallScriptService } from './install-script.service';

@Module({
  controllers: [InstallController],
  imports: [EnrolmentModule],
  providers: [AgentBundleService, InstallScriptService],
})
export class InstallModule {}
