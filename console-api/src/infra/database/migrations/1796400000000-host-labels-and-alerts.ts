import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hosts gain what people set on them (name, group, labels) and the latest capture coverage;
// alert rules and the events they fire are stored beside them.
export class HostLabelsAndAlerts1796400000000 implements MigrationInterface {
  name = 'HostLabelsAndAlerts1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hosts
      ADD COLUMN display_name text,
      ADD COLUMN "group" text,
      ADD COLUMN labels text[] NOT NULL DEFAULT '{}',
      ADD COLUMN coverage_pct double precision`);
    // `labels @> ARRAY[$1]` (the ?label= filter) uses it.
    await q.query(`CREATE INDEX hosts_labels_gin_idx ON hosts USING gin (labels)`);
    await q.query(`CREATE INDEX hosts_group_idx ON hosts ("group")`);
    await q.query(`CREATE TABLE alert_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL,
      host text,
      "group" text,
      threshold double precision,
      for_seconds integer NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      webhook_url text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE alert_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rule_id uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
      rule_name text NOT NULL,
      host text NOT NULL,
      message text NOT NULL,
      value double precision,
      fired_at timestamptz NOT NULL,
      resolved_at timestamptz
    )`);
    // One firing per rule and host at a time, enforced by the database.
    await q.query(`CREATE UNIQUE INDEX alert_events_active_idx ON alert_events (rule_id, host)
      WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX alert_events_fired_idx ON alert_events (fired_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_events`);
    await q.query(`DROP TABLE alert_rules`);
    await q.query(`DROP INDEX hosts_group_idx`);
    await q.query(`DROP INDEX hosts_labels_gin_idx`);
    await q.query(`ALTER TABLE hosts
      DROP COLUMN coverage_pct,
      DROP COLUMN labels,
      DROP COLUMN "group",
      DROP COLUMN display_name`);
  }
}
