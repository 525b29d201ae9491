import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { EnrolmentTokensController } from './enrolment-tokens.controller';
import { EnrolmentTokensService } from './enrolment-tokens.service';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';

@Module({
  controllers: [EnrolmentController, EnrolmentTokensController],
  exports: [EnrolmentService],
  imports: [AgentsModule],
  providers: [EnrolmentService, EnrolmentTokensService],
})
export class EnrolmentModule {}
