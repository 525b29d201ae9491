import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StorageResolution } from '@nta/contracts';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { RESOLUTIONS } from './partitions';
import { PartitionService } from './partition.service';
import { RollupStateService } from './rollup-state.service';

export interface Dropped {
  partitions: number;
  rows: number;
}

/** Drops whole partitions past their resolution's age, once their rows are rolled up. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly partitions: PartitionService,
    private readonly state: RollupStateService,
  ) {}

  async apply(now: Date): Promise<Record<StorageResolution, Dropped>> {
    const result = {} as Record<StorageResolution, Dropped>;
    for (const level of RESOLUTIONS) result[level] = await this.applyLevel(level, now);
    return result;
  }

  private async applyLevel(level: StorageResolution, now: Date): Promise<Dropped> {
    const cutoff = now.getTime() - this.config.storage.retention[level] * 1000;
    const rolled = this.rolledUntil(level);
    const dropped: Dropped = { partitions: 0, rows: 0 };
    for (const p of await this.partitions.list(level)) {
      if (p.to.getTime() > cutoff) continue;
      // Never lose rows the coarser resolution does not hold yet.
      if (p.to.getTime() > rolled) {
        this.logger.warn(`${p.name} is past retention but not rolled up yet; keeping it`);
        continue;
      }
      await this.partitions.drop(p.name);
      this.logger.log(`dropped ${p.name} (past ${level} retention)`);
      dropped.partitions++;
      dropped.rows += Math.max(0, p.rowsEstimate);
    }
    return dropped;
  }

  private rolledUntil(level: StorageResolution): number {
    if (level === '1h') return Number.POSITIVE_INFINITY;
    const mark = this.state.mark(level === '1s' ? '1m' : '1h').rolledUntil;
    return mark?.getTime() ?? Number.NEGATIVE_INFINITY;
  }
}
