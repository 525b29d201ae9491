import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { AlertEngine } from './alert-engine.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  controllers: [AlertsController],
  exports: [AlertEngine],
  imports: [LiveModule],
  providers: [AlertEngine, AlertsService],
})
export class AlertsModule {}
