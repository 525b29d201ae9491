import { Module } from '@nestjs/common';
import { BrokerService } from '../../infra/broker/broker.service';
import { DatabaseService } from '../../infra/database/database.service';
import { CaptureModule } from '../capture/capture.module';
import { CommandService } from '../capture/command.service';
import { HostsModule } from '../hosts/hosts.module';
import { HostsService } from '../hosts/hosts.service';
import { ReportsService } from '../hosts/reports.service';
import { LiveGateway } from '../live/live.gateway';
import { LiveModule } from '../live/live.module';
import { PacketsModule } from '../packets/packets.module';
import { SamplesService } from '../packets/samples.service';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  controllers: [IngestController],
  imports: [CaptureModule, HostsModule, LiveModule, PacketsModule],
  providers: [
    {
      inject: [
        BrokerService,
        CommandService,
        DatabaseService,
        HostsService,
        LiveGateway,
        ReportsService,
        SamplesService,
      ],
      provide: IngestService,
      useFactory: (
        broker: BrokerService,
        commands: CommandService,
        database: DatabaseService,
        hosts: HostsService,
        live: LiveGateway,
        reports: ReportsService,
        samples: SamplesService,
      ) => new IngestService(broker, commands, database, hosts, live, reports, samples),
    },
  ],
})
export class IngestModule {}
