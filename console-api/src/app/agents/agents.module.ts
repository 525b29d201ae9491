import { Module } from '@nestjs/common';
import { AgentCredentialsService } from './agent-credentials.service';
import { AgentsController } from './agents.controller';

@Module({
  controllers: [AgentsController],
  exports: [AgentCredentialsService],
  providers: [AgentCredentialsService],
})
export class AgentsModule {}
