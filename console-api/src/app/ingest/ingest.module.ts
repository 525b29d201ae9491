import { Module } from '@nestjs/common';
import { BrokerService } from '../../infra/broker/broker.service';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
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
import { MinuteRollup } from '../storage/minute-rollup';
import { StorageMetrics } from '../storage/storage-metrics';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  controllers: [IngestController],
  exports: [IngestService],
  imports: [CaptureModule, HostsModule, LiveModule, PacketsModule],
  providers: [
    {
      inject: [
        BrokerService,
        CommandService,
        CONSOLE_CONFIG,
        DatabaseService,
        HostsService,
        LiveGateway,
        MinuteRollup,
        ReportsService,
        SamplesService,
        StorageMetrics,
      ],
      provide: IngestService,
      useFactory: (
        broker: BrokerService,
        commands: CommandService,
        config: ConsoleConfig,
        database: DatabaseService,
        hosts: HostsService,
        live: LiveGateway,
        minutes: MinuteRollup,
        reports: ReportsService,
        samples: SamplesService,
        metrics: StorageMetrics,
      ) =>
        new IngestService(
          broker,
          commands,
          database,
          hosts,
          live,
          metrics,
          minutes,
          reports,
          samples,
          config.storage,
        ),
    },
  ],
})
export class IngestModule {}
