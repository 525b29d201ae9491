import { Global, Module } from '@nestjs/common';
import { PartitionService } from './partition.service';
import { RetentionService } from './retention.service';
import { RollupStateService } from './rollup-state.service';
import { RollupService } from './rollup.service';
import { SourceService } from './source.service';
import { StorageMetrics } from './storage-metrics';
import { StorageController } from './storage.controller';
import { StorageService } from './storage.service';

// Global: ingest writes through PartitionService, queries read through SourceService.
@Global()
@Module({
  controllers: [StorageController],
  exports: [PartitionService, SourceService, StorageMetrics, StorageService],
  providers: [
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
