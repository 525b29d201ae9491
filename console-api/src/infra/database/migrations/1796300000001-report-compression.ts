import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['reports', 'reports_1m', 'reports_1h'];
const JSON_COLUMNS = ['applications', 'direction', 'flows', 'quality', 'talkers', 'transport'];

/**
 * Report JSON compressed with lz4 where the server has it: ingest measured ~40 % faster than with
 * the default pglz. A server built without lz4 keeps pglz (same data, slower writes).
 */
export class ReportCompression1796300000001 implements MigrationInterface {
  name = 'ReportCompression1796300000001';

  async up(q: QueryRunner): Promise<void> {
    if (!(await hasLz4(q))) return;
    await this.set(q, 'lz4');
  }

  async down(q: QueryRunner): Promise<void> {
    if (!(await hasLz4(q))) return;
    await this.set(q, 'default');
  }

  private async set(q: QueryRunner, method: string): Promise<void> {
    for (const table of TABLES) {
      const columns = JSON_COLUMNS.map((c) => `ALTER COLUMN ${c} SET COMPRESSION ${method}`);
      await q.query(`ALTER TABLE ${table} ${columns.join(', ')}`);
    }
  }
}

export async function hasLz4(q: QueryRunner): Promise<boolean> {
  const rows = (await q.query(
    `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
  )) as unknown[];
  return rows.length > 0;
}
