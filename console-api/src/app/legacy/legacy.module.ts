import { Module } from '@nestjs/common';
import { CaptureModule } from '../capture/capture.module';
import { HostsModule } from '../hosts/hosts.module';
import { LegacyController } from './legacy.controller';
import { LegacyService } from './legacy.service';

@Module({
  controllers: [LegacyController],
  imports: [CaptureModule, HostsModule],
  providers: [LegacyService],
})
export class LegacyModule {}
