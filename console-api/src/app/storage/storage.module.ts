import { Global, Module } from '@nestjs/common';
import { MinuteRollup } from './minute-rollup';
import { PartitionService } from './partition.service';
import { RetentionService } from './retention.service';
import { RollupStateService } from './rollup-state.service';
import { RollupService } from './rollup.service';
import { SourceService } from './source.service';
import { StorageMetrics } from './storage-metrics';
import { StorageController } from './storage.controller';
import { StorageService } from './storage.service';

// Global: ingest writes through PartitionService and MinuteRollup, queries read through SourceService.
@Global()
@Module({
  controllers: [StorageController],
  exports: [MinuteRollup, PartitionService, SourceService, StorageMetrics, StorageService],
  providers: [
    { provide: MinuteRollup, useFactory: () => new MinuteRollup() },
    PartitionService,
    RetentionService,
    RollupService,
    RollupStateService,
    SourceService,
    StorageMetrics,
    StorageService,
  ],
})
export class StorageModule {}
