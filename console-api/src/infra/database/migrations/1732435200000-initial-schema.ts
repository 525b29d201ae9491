import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1732435200000 implements MigrationInterface {
  name = 'InitialSchema1732435200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id serial PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'viewer')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`);
    await q.query(`CREATE TABLE hosts (
      id text PRIMARY KEY,
      hostname text,
      version text,
      online boolean NOT NULL DEFAULT false,
      last_seen timestamptz,
      capture jsonb,
      interfaces jsonb NOT NULL DEFAULT '[]'::jsonb,
      interfaces_updated_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE reports (
      agent_id text NOT NULL,
      seq bigint NOT NULL,
      interface text NOT NULL,
      interval_start timestamptz NOT NULL,
      interval_end timestamptz NOT NULL,
      packets bigint NOT NULL,
      bytes bigint NOT NULL,
      transport jsonb NOT NULL,
      undecodable bigint NOT NULL DEFAULT 0,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, seq)
    )`);
    await q.query(`CREATE INDEX reports_agent_interval_idx ON reports (agent_id, interval_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE hosts`);
    await q.query(`DROP TABLE settings`);
    await q.query(`DROP TABLE users`);
  }
}
