import { Injectable, Logger } from '@nestjs/common';
import type { Resolution } from '../../infra/config/storage-config';
import { DatabaseService } from '../../infra/database/database.service';
import {
  LEVEL_TABLE,
  parsePartitionName,
  type PartitionSpan,
  partitionsBetween,
  RESOLUTIONS,
} from './partitions';

export interface PartitionInfo extends PartitionSpan {
  // pg_class.reltuples: the planner's estimate, -1 before the first ANALYZE.
  rowsEstimate: number;
}

const DAY_MS = 86_400_000;
// Created ahead so the first report of a new day or month never waits for DDL.
const AHEAD_MS = 2 * DAY_MS;

/** Creates (ahead and on demand), lists and drops the time partitions of every resolution. */
@Injectable()
export class PartitionService {
  private readonly logger = new Logger('Storage');
  private readonly known = new Set<string>();
  // DDL runs one statement at a time, so two batches never race to create the same day.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly database: DatabaseService) {}

  ensureAhead(now = new Date()): Promise<number> {
    const to = new Date(now.getTime() + AHEAD_MS);
    return this.serial(async () => {
      let created = 0;
      for (const level of RESOLUTIONS) created += await this.create(level, now, to);
      return created;
    });
  }

  /** Makes sure rows of [from, to] have a partition to land in; resolves to how many were made. */
  ensure(level: Resolution, from: Date, to: Date): Promise<number> {
    const missing = partitionsBetween(level, from, to).some((s) => !this.known.has(s.name));
    if (!missing) return Promise.resolve(0);
    return this.serial(() => this.create(level, from, to));
  }

  async list(level: Resolution): Promise<PartitionInfo[]> {
    const rows = await this.database.source.query<{ name: string; rows: number }[]>(
      `SELECT c.relname AS name, c.reltuples::float8 AS rows
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
      [LEVEL_TABLE[level]],
    );
    return rows.flatMap((r) => {
      const span = parsePartitionName(level, r.name);
      return span ? [{ ...span, rowsEstimate: r.rows }] : [];
    });
  }

  drop(name: string): Promise<void> {
    return this.serial(async () => {
      await this.database.source.query(`DROP TABLE IF EXISTS ${quoteName(name)}`);
      this.known.delete(name);
    });
  }

  /** Forgets what it knew, e.g. after the database came back (it may have been restored). */
  reset(): void {
    this.known.clear();
  }

  private async create(level: Resolution, from: Date, to: Date): Promise<number> {
    let created = 0;
    for (const span of partitionsBetween(level, from, to)) {
      if (this.known.has(span.name)) continue;
      const exists = await this.database.source.query<unknown[]>(
        `SELECT 1 FROM pg_class WHERE relname = $1`,
        [span.name],
      );
      if (exists.length === 0) {
        await this.database.source.query(
          `CREATE TABLE ${quoteName(span.name)} PARTITION OF ${LEVEL_TABLE[level]}
           FOR VALUES FROM ('${span.from.toISOString()}') TO ('${span.to.toISOString()}')`,
        );
        this.logger.log(`created partition ${span.name}`);
        created++;
      }
      this.known.add(span.name);
    }
    return created;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

// Names come from partitionFor only; the check keeps a bug from ever becoming SQL.
function quoteName(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad partition name ${name}`);
  return `"${name}"`;
}
