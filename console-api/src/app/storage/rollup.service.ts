import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { MinuteRollup, minuteKey } from './minute-rollup';
import type { MinuteRow } from './minute-row';
import { PartitionService } from './partition.service';
import { LEVEL_SECONDS, LEVEL_TABLE } from './partitions';
import {
  bucketCountsSql,
  lateBucketsSql,
  MINUTE_ROWS_SQL,
  ROLLUP_SOURCE,
  type RollupLevel,
  rollupSql,
} from './rollup-sql';
import { type RollupMark, RollupStateService } from './rollup-state.service';
import { StorageMetrics } from './storage-metrics';

// Buckets per transaction: a crash loses at most one chunk of work, never its consistency.
const CHUNK_BUCKETS: Record<RollupLevel, number> = { '1h': 24, '1m': 60 };
// Memory-built minute rows per INSERT. Between two, the rollup waits as long as the INSERT took:
// 2,000 rows at once held a core for ~2 s and pushed ingest lag past 2 s (bench:ingest).
const WRITE_ROWS = 100;

const floorTo = (ms: number, seconds: number) => Math.floor(ms / (seconds * 1000)) * seconds * 1000;

/**
 * Rolls 1 s rows into 1 min rows and those into 1 h rows; late reports are rolled again. Minutes
 * that ingest summed in memory (`MinuteRollup`) are written as they are when they hold every
 * stored report; the rest are rolled from the 1 s rows in SQL.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger('Rollup');

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly memory: MinuteRollup,
    private readonly metrics: StorageMetrics,
    private readonly partitions: PartitionService,
    private readonly state: RollupStateService,
  ) {}

  /** Rolls everything due at `now`; resolves to the rows written. */
  async roll(level: RollupLevel, now: Date): Promise<number> {
    await this.state.load();
    const mark = this.state.mark(level);
    const width = LEVEL_SECONDS[level];
    const scannedFrom = await this.settledBefore();
    let rows = 0;
    const t0 = Date.now();
    if (mark.rolledUntil && mark.scannedFrom) {
      rows += await this.rollLate(level, mark.rolledUntil, mark.scannedFrom);
    }
    const lateMs = Date.now() - t0;
    const horizon = this.horizon(level, now);
    let rolledUntil = mark.rolledUntil?.getTime() ?? Number.NEGATIVE_INFINITY;
    do {
      // Jump over empty stretches (a console that was off for a week) instead of walking them.
      const next = await this.nextSourceRow(level, rolledUntil, width);
      const from = Math.min(horizon, Math.max(rolledUntil, floorTo(next ?? horizon, width)));
      const to = Math.min(horizon, from + CHUNK_BUCKETS[level] * width * 1000);
      const saved: RollupMark = { rolledUntil: new Date(Math.max(to, rolledUntil)), scannedFrom };
      if (to > from) await this.partitions.ensure(level, new Date(from), new Date(to));
      const ready = level === '1m' ? this.memory.take(from, to, this.config.storage.topN) : null;
      rows += await this.database.source.transaction(async (m) => {
        const written = to > from ? await this.rollChunk(m, level, from, to, ready) : 0;
        await this.state.save(m, level, saved);
        return written;
      });
      this.state.remember(level, saved);
      rolledUntil = saved.rolledUntil?.getTime() ?? rolledUntil;
    } while (rolledUntil < horizon);
    this.logger.debug(`${level}: ${rows} row(s) in ${Date.now() - t0} ms (late scan ${lateMs} ms)`);
    return rows;
  }

  /**
   * Rows with an earlier received_at (their transaction's now()) are committed, so everything
   * rolled from here on sees them; only later ones need a late scan next time. It is the oldest
   * open transaction's start (batches take about a second), less 5 s for sessions this role
   * cannot see. A fixed 60 s margin here re-scanned and re-rolled most of each minute.
   */
  private async settledBefore(): Promise<Date> {
    const rows = await this.database.source.query<{ at: Date }[]>(
      `SELECT LEAST(now() - interval '5 seconds', min(xact_start)) AS at FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0].at;
  }

  // A 1 h bucket closes only once all of its minutes are rolled up.
  private horizon(level: RollupLevel, now: Date): number {
    const width = LEVEL_SECONDS[level];
    const closed = floorTo(now.getTime() - this.config.storage.rollupDelaySeconds * 1000, width);
    if (level === '1m') return closed;
    const minutes = this.state.mark('1m').rolledUntil;
    return minutes ? Math.min(closed, floorTo(minutes.getTime(), width)) : closed;
  }

  /** Where the next source rows are: `from` itself when its chunk has rows (the usual case). */
  private async nextSourceRow(
    level: RollupLevel,
    from: number,
    width: number,
  ): Promise<number | null> {
    const table = LEVEL_TABLE[ROLLUP_SOURCE[level]];
    const start = new Date(Number.isFinite(from) ? from : 0);
    if (Number.isFinite(from)) {
      const end = new Date(from + CHUNK_BUCKETS[level] * width * 1000);
      const any = await this.database.source.query<unknown[]>(
        `SELECT 1 FROM ${table} WHERE interval_start >= $1 AND interval_start < $2 LIMIT 1`,
        [start, end],
      );
      if (any.length > 0) return from;
    }
    const rows = await this.database.source.query<{ first: Date | null }[]>(
      `SELECT min(interval_start) AS first FROM ${table} WHERE interval_start >= $1`,
      [start],
    );
    return rows[0].first?.getTime() ?? null;
  }

  /** Buckets before the mark that got rows since the last scan (outbox replays, slow agents). */
  private async rollLate(level: RollupLevel, before: Date, since: Date): Promise<number> {
    const width = LEVEL_SECONDS[level];
    const late = await this.database.source.query<{ agents: string[]; bucket: Date }[]>(
      lateBucketsSql(level),
      [since, before],
    );
    let rows = 0;
    for (const { agents, bucket } of late) {
      const to = new Date(bucket.getTime() + width * 1000);
      await this.partitions.ensure(level, bucket, to);
      rows += await this.database.source.transaction((m) =>
        this.rollRange(m, level, bucket, to, agents),
      );
    }
    if (late.length > 0) this.logger.debug(`${level}: rolled ${late.length} late bucket(s) again`);
    return rows;
  }

  /** One chunk: memory-built rows where they hold every stored report, SQL for the rest. */
  private async rollChunk(
    m: EntityManager,
    level: RollupLevel,
    from: number,
    to: number,
    ready: Map<string, MinuteRow> | null,
  ): Promise<number> {
    const range = [new Date(from), new Date(to)] as const;
    if (!ready) return this.rollRange(m, level, ...range, null);
    const t0 = Date.now();
    const counts = await m.query<
      { agentId: string; bucket: number; interface: string; n: number }[]
    >(bucketCountsSql(level), [...range]);
    const fromSql = new Set<string>();
    const matched: MinuteRow[] = [];
    for (const c of counts) {
      const row = ready.get(minuteKey(c.agentId, c.interface, c.bucket));
      if (row?.reports === c.n) matched.push(row);
      else fromSql.add(c.agentId);
    }
    // SQL rolls an agent's whole chunk, so none of its memory rows are needed.
    const rows = matched.filter((r) => !fromSql.has(r.agentId));
    const t1 = Date.now();
    let written = 0;
    for (let i = 0; i < rows.length; i += WRITE_ROWS) {
      const started = Date.now();
      const batch = JSON.stringify(rows.slice(i, i + WRITE_ROWS));
      written += await affected(m, MINUTE_ROWS_SQL, [batch]);
      if (i + WRITE_ROWS < rows.length) await sleep(Date.now() - started);
    }
    this.metrics.rollupMinutesFromMemory += rows.length;
    const t2 = Date.now();
    if (fromSql.size > 0) written += await this.rollRange(m, level, ...range, [...fromSql]);
    this.logger.debug(
      `${level} ${range[0].toISOString()}: counts ${t1 - t0} ms, ${rows.length} from memory ` +
        `${t2 - t1} ms, ${fromSql.size} agent(s) in SQL ${Date.now() - t2} ms`,
    );
    return written;
  }

  private rollRange(
    m: EntityManager,
    level: RollupLevel,
    from: Date,
    to: Date,
    agents: string[] | null,
  ): Promise<number> {
    return affected(m, rollupSql(level), [from, to, agents, this.config.storage.topN]);
  }
}

// Rows an INSERT … SELECT wrote: only the structured result of a query runner carries the count.
async function affected(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!m.queryRunner) throw new Error('rollup needs a transaction');
  const result = await m.queryRunner.query(sql, params, true);
  return result.affected ?? 0;
}
