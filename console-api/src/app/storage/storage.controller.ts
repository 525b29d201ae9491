import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { StorageRun, StorageStatus } from '@nta/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { StorageService } from './storage.service';

/** Rollup and retention status: last run, rows moved, partitions per resolution. */
@Controller('api/storage')
export class StorageController {
  constructor(private readonly storage: StorageService) {}

  @Get()
  status(): Promise<StorageStatus> {
    return this.storage.status();
  }

  /** Runs rollup and retention now (e.g. before a backup) instead of waiting for the schedule. */
  @HttpCode(200)
  @Post('run')
  @Roles('admin')
  run(): Promise<StorageRun> {
    return this.storage.run();
  }
}
