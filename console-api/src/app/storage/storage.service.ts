import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { StorageRun, StorageStatus } from '@nta/contracts';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { RESOLUTIONS } from './partitions';
import { PartitionService } from './partition.service';
import { RetentionService } from './retention.service';
import { RollupStateService } from './rollup-state.service';
import { RollupService } from './rollup.service';
import { StorageMetrics } from './storage-metrics';

// The first run waits a little so boot (and the first batches) go first.
const FIRST_RUN_MS = 5_000;

/** Runs rollup, retention and partition creation on a schedule, one run at a time. */
@Injectable()
export class StorageService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Storage');
  private lastRun: StorageRun | null = null;
  private nextRunAt: number | null = null;
  private running: Promise<StorageRun> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly metrics: StorageMetrics,
    private readonly partitions: PartitionService,
    private readonly retention: RetentionService,
    private readonly rollup: RollupService,
    private readonly state: RollupStateService,
  ) {}

  onModuleInit(): void {
    this.database.onReady(async () => {
      this.partitions.reset();
      // A failure here must not keep the database from counting as ready; the run retries.
      try {
        await this.state.load();
        await this.partitions.ensureAhead();
      } catch (error) {
        this.logger.error(`preparing partitions failed: ${(error as Error).message}`);
      }
      this.schedule(FIRST_RUN_MS);
    });
  }

  onApplicationShutdown(): Promise<unknown> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    return this.running ?? Promise.resolve();
  }

  /** One run now (or the one in progress); safe to call at any time. */
  run(now = new Date()): Promise<StorageRun> {
    this.running ??= this.runOnce(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async status(): Promise<StorageStatus> {
    await this.state.load();
    const m = this.metrics;
    const levels = [];
    for (const level of RESOLUTIONS) {
      const partitions = await this.partitions.list(level);
      levels.push({
        partitions: partitions.map((p) => ({
          from: p.from.getTime(),
          name: p.name,
          rowsEstimate: p.rowsEstimate,
          to: p.to.getTime(),
        })),
        resolution: level,
        retentionSeconds: this.config.storage.retention[level],
        rolledUntil:
          level === '1s' ? null : (this.state.mark(level).rolledUntil?.getTime() ?? null),
      });
    }
    return {
      ingest: {
        batches: m.ingestBatches,
        duplicates: m.ingestDuplicates,
        failedBatches: m.ingestFailedBatches,
        heldDeliveries: m.ingestHeldDeliveries,
        lagMs: m.ingestLagMs,
        lastBatchMs: m.ingestLastBatchMs,
        pending: m.ingestPending,
        rows: m.ingestRows,
      },
      lastRun: this.lastRun,
      levels,
      nextRunAt: this.nextRunAt,
      totals: {
        minutesFromMemory: m.rollupMinutesFromMemory,
        partitionsDropped: { ...m.partitionsDropped },
        rowsDropped: { ...m.rowsDropped },
        rowsRolledUp: { ...m.rollupRows },
        runs: m.rollupRuns,
      },
    };
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextRunAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run().finally(() => {
        if (this.nextRunAt !== null) this.schedule(this.config.storage.rollupEverySeconds * 1000);
      });
    }, ms);
    this.timer.unref();
  }

  private async runOnce(now: Date): Promise<StorageRun> {
    const started = Date.now();
    const run: StorageRun = {
      durationMs: 0,
      error: null,
      partitionsDropped: { '1h': 0, '1m': 0, '1s': 0 },
      rowsDropped: { '1h': 0, '1m': 0, '1s': 0 },
      rowsRolledUp: { '1h': 0, '1m': 0 },
      startedAt: started,
    };
    try {
      await this.partitions.ensureAhead(now);
      run.rowsRolledUp['1m'] = await this.rollup.roll('1m', now);
      run.rowsRolledUp['1h'] = await this.rollup.roll('1h', now);
      const dropped = await this.retention.apply(now);
      for (const level of RESOLUTIONS) {
        run.partitionsDropped[level] = dropped[level].partitions;
        run.rowsDropped[level] = dropped[level].rows;
      }
    } catch (error) {
      run.error = (error as Error).message;
      this.metrics.rollupFailures++;
      this.logger.error(`rollup/retention run failed: ${run.error} (next run retries)`);
    }
    run.durationMs = Date.now() - started;
    this.account(run);
    this.lastRun = run;
    return run;
  }

  private account(run: StorageRun): void {
    const m = this.metrics;
    m.rollupRuns++;
    m.rollupLastDurationMs = run.durationMs;
    m.rollupRows['1m'] += run.rowsRolledUp['1m'];
    m.rollupRows['1h'] += run.rowsRolledUp['1h'];
    for (const level of RESOLUTIONS) {
      m.partitionsDropped[level] += run.partitionsDropped[level];
      m.rowsDropped[level] += run.rowsDropped[level];
    }
  }
}
