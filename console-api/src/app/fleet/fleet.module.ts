import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { FleetController } from './fleet.controller';
import { FleetService } from './fleet.service';

@Module({
  controllers: [FleetController],
  exports: [FleetService],
  imports: [IngestModule],
  providers: [FleetService],
})
export class FleetModule {}
