import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AgentsModule } from './app/agents/agents.module';
import { AlertsModule } from './app/alerts/alerts.module';
import { AnalysisModule } from './app/analysis/analysis.module';
import { ApiTokensModule } from './app/api-tokens/api-tokens.module';
import { AuditModule } from './app/audit/audit.module';
import { AuthModule } from './app/auth/auth.module';
import { CaptureModule } from './app/capture/capture.module';
import { EnrolmentModule } from './app/enrolment/enrolment.module';
import { FleetModule } from './app/fleet/fleet.module';
import { HealthModule } from './app/health/health.module';
import { HostsModule } from './app/hosts/hosts.module';
import { IngestModule } from './app/ingest/ingest.module';
import { InstallModule } from './app/install/install.module';
import { LegacyModule } from './app/legacy/legacy.module';
import { LiveModule } from './app/live/live.module';
import { MetricsModule } from './app/metrics/metrics.module';
import { PacketsModule } from './app/packets/packets.module';
import { SettingsModule } from './app/settings/settings.module';
import { StorageModule } from './app/storage/storage.module';
import { TimeseriesModule } from './app/timeseries/timeseries.module';
import { UsersModule } from './app/users/users.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { BrokerModule } from './infra/broker/broker.module';
import { ConfigModule } from './infra/config/config.module';
import type { ConsoleConfig } from './infra/config/console-config';
import { DatabaseModule } from './infra/database/database.module';
import { OpenApiModule } from './infra/openapi/openapi.module';

@Module({})
export class AppModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      imports: [
        AgentsModule,
        AlertsModule,
        AnalysisModule,
        ApiTokensModule,
        AuditModule,
        AuthModule,
        BrokerModule,
        CaptureModule,
        ConfigModule.forRoot(config),
        DatabaseModule,
        EnrolmentModule,
        FleetModule,
        HealthModule,
        HostsModule,
        IngestModule,
        InstallModule,
        LegacyModule,
        LiveModule,
        MetricsModule,
        OpenApiModule,
        PacketsModule,
        SettingsModule,
        StorageModule,
        TimeseriesModule,
        UsersModule,
      ],
      module: AppModule,
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
    };
  }
}
