import type { MigrationInterface, QueryRunner } from 'typeorm';
import { hasLz4 } from './1796300000001-report-compression';

const COLUMNS = ['flows', 'talkers'];

/**
 * 1 s rows keep flows and talkers as `json` (checked text) instead of `jsonb`: turning ~12 KB of
 * them into jsonb was most of Postgres's cost per stored report (bench:ingest; a batch insert
 * went from ~330 to ~210 µs per row), and 1 s rows are read rarely and briefly. Queries read
 * them through `sourceSql`, which casts them back to jsonb; the 1 min and 1 h rows stay jsonb.
 * Rewrites the 1 s partitions once.
 */
export class ReportJsonText1796500000000 implements MigrationInterface {
  name = 'ReportJsonText1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await this.retype(q, 'json', `'[]'::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.retype(q, 'jsonb', `'[]'::jsonb`);
  }

  private async retype(q: QueryRunner, type: string, emptyFlows: string): Promise<void> {
    const columns = COLUMNS.map((c) => `ALTER COLUMN ${c} TYPE ${type} USING ${c}::${type}`);
    await q.query(`ALTER TABLE reports ALTER COLUMN flows DROP DEFAULT, ${columns.join(', ')}`);
    await q.query(`ALTER TABLE reports ALTER COLUMN flows SET DEFAULT ${emptyFlows}`);
    // A new type starts with the default compression again.
    if (!(await hasLz4(q))) return;
    const lz4 = COLUMNS.map((c) => `ALTER COLUMN ${c} SET COMPRESSION lz4`);
    await q.query(`ALTER TABLE reports ${lz4.join(', ')}`);
  }
}
