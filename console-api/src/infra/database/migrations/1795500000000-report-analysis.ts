import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reports gain the agent's analysis (issue 3); host_names keeps the DNS names reports taught.
export class ReportAnalysis1795500000000 implements MigrationInterface {
  name = 'ReportAnalysis1795500000000';

  async up(q: QueryRunner): Promise<void> {
    // Rows stored before the analysis existed read as "nothing seen" (or null where zero would lie).
    await q.query(`ALTER TABLE reports
      ADD COLUMN applications jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN direction jsonb,
      ADD COLUMN flows jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN flows_other jsonb NOT NULL DEFAULT '{"bytes":0,"packets":0}'::jsonb,
      ADD COLUMN talkers jsonb,
      ADD COLUMN quality jsonb`);
    await q.query(`CREATE TABLE host_names (
      host_id text NOT NULL,
      address text NOT NULL,
      name text NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (host_id, address)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE host_names`);
    await q.query(`ALTER TABLE reports
      DROP COLUMN quality,
      DROP COLUMN talkers,
      DROP COLUMN flows_other,
      DROP COLUMN flows,
      DROP COLUMN direction,
      DROP COLUMN applications`);
  }
}
