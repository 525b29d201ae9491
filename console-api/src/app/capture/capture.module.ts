import { Module } from '@nestjs/common';
import { BrokerService } from '../../infra/broker/broker.service';
import { HostsModule } from '../hosts/hosts.module';
import { CaptureController } from './capture.controller';
import { CaptureService } from './capture.service';
import { CommandService } from './command.service';

@Module({
  controllers: [CaptureController],
  exports: [CaptureService, CommandService],
  imports: [HostsModule],
  providers: [
    CaptureService,
    {
      inject: [BrokerService],
      provide: CommandService,
      useFactory: (b: BrokerService) => new CommandService(b),
    },
  ],
})
export class CaptureModule {}
