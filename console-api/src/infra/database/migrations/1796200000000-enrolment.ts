import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 5: enrolment tokens (kept as sha256 only) and per-agent MQTT credentials (kept hashed).
export class Enrolment1796200000000 implements MigrationInterface {
  name = 'Enrolment1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enrolment_tokens (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      max_uses integer,
      uses integer NOT NULL DEFAULT 0,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE TABLE agent_credentials (
      agent_id text PRIMARY KEY,
      hostname text NOT NULL,
      password_hash text NOT NULL,
      enrolled_at timestamptz NOT NULL,
      revoked_at timestamptz,
      token_id uuid REFERENCES enrolment_tokens (id) ON DELETE SET NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agent_credentials`);
    await q.query(`DROP TABLE enrolment_tokens`);
  }
}
