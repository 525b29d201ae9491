import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../../infra/database/database.service';
import type { RollupLevel } from './rollup-sql';

export interface RollupMark {
  rolledUntil: Date | null;
  scannedFrom: Date | null;
}

/**
 * How far each rollup got (storage_rollups), cached for the query side: queries read a rollup
 * before its mark and the finer rows after it, so nothing is counted twice or missed.
 */
@Injectable()
export class RollupStateService {
  private readonly marks: Record<RollupLevel, RollupMark> = {
    '1h': { rolledUntil: null, scannedFrom: null },
    '1m': { rolledUntil: null, scannedFrom: null },
  };

  constructor(private readonly database: DatabaseService) {}

  mark(level: RollupLevel): RollupMark {
    return this.marks[level];
  }

  async load(m?: EntityManager): Promise<void> {
    const runner = m ?? this.database.source;
    const rows = await runner.query<
      { resolution: RollupLevel; rolled_until: Date | null; scanned_from: Date | null }[]
    >(`SELECT resolution, rolled_until, scanned_from FROM storage_rollups`);
    for (const r of rows) {
      this.marks[r.resolution] = { rolledUntil: r.rolled_until, scannedFrom: r.scanned_from };
    }
  }

  /** Saves inside the caller's transaction; the cache follows once that commits. */
  async save(m: EntityManager, level: RollupLevel, mark: RollupMark): Promise<void> {
    await m.query(
      `UPDATE storage_rollups SET rolled_until = $2, scanned_from = $3 WHERE resolution = $1`,
      [level, mark.rolledUntil, mark.scannedFrom],
    );
  }

  remember(level: RollupLevel, mark: RollupMark): void {
    this.marks[level] = mark;
  }
}
