import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { IngestModule } from '../ingest/ingest.module';
import { LiveModule } from '../live/live.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  controllers: [MetricsController],
  exports: [MetricsService],
  imports: [AlertsModule, AuthModule, IngestModule, LiveModule],
  providers: [MetricsService],
})
export class MetricsModule {}
