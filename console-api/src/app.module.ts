import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AnalysisModule } from './app/analysis/analysis.module';
import { AuthModule } from './app/auth/auth.module';
import { CaptureModule } from './app/capture/capture.module';
import { HealthModule } from './app/health/health.module';
import { HostsModule } from './app/hosts/hosts.module';
import { IngestModule } from './app/ingest/ingest.module';
import { LegacyModule } from './app/legacy/legacy.module';
import { LiveModule } from './app/live/live.module';
import { PacketsModule } from './app/packets/packets.module';
import { SettingsModule } from './app/settings/settings.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { BrokerModule } from './infra/broker/broker.module';
import { ConfigModule } from './infra/config/config.module';
import type { ConsoleConfig } from './infra/config/console-config';
import { DatabaseModule } from './infra/database/database.module';

@Module({})
export class AppModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      imports: [
        AnalysisModule,
        AuthModule,
        BrokerModule,
        CaptureModule,
        ConfigModule.forRoot(config),
        DatabaseModule,
        HealthModule,
        HostsModule,
        IngestModule,
        LegacyModule,
        LiveModule,
        PacketsModule,
        SettingsModule,
      ],
      module: AppModule,
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
    };
  }
}
