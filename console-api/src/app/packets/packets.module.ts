import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { PacketsController } from './packets.controller';
import { SamplesService } from './samples.service';

@Module({
  controllers: [PacketsController],
  exports: [SamplesService],
  imports: [HostsModule],
  providers: [SamplesService],
})
export class PacketsModule {}
