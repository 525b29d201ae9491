import type { MigrationInterface, QueryRunner } from 'typeorm';

// Columns every resolution shares, so analysis SQL reads 1 s, 1 min and 1 h rows alike.
const SHARED_COLUMNS = `agent_id text NOT NULL,
      interface text NOT NULL,
      interval_start timestamptz NOT NULL,
      interval_end timestamptz NOT NULL,
      packets bigint NOT NULL,
      bytes bigint NOT NULL,
      bytes_in bigint NOT NULL DEFAULT 0,
      bytes_out bigint NOT NULL DEFAULT 0,
      undecodable bigint NOT NULL DEFAULT 0,
      transport jsonb NOT NULL,
      applications jsonb NOT NULL DEFAULT '{}'::jsonb,
      direction jsonb,
      flows jsonb NOT NULL DEFAULT '[]'::jsonb,
      flows_other jsonb NOT NULL DEFAULT '{"bytes":0,"packets":0}'::jsonb,
      talkers jsonb,
      quality jsonb,
      received_at timestamptz NOT NULL DEFAULT now()`;

/**
 * Reports become a daily-partitioned 1 s table beside monthly-partitioned 1 min and 1 h rollups.
 * Existing rows move into the new table (one partition per day they cover); the console's rollup
 * then builds their 1 min / 1 h rows and retention drops what is past its age.
 */
export class ReportStorage1796300000000 implements MigrationInterface {
  name = 'ReportStorage1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports RENAME TO reports_legacy`);
    await q.query(
      `ALTER TABLE reports_legacy RENAME CONSTRAINT reports_pkey TO reports_legacy_pkey`,
    );
    await q.query(`ALTER INDEX reports_agent_interval_idx RENAME TO reports_legacy_interval_idx`);
    await q.query(`CREATE TABLE reports (
      seq bigint NOT NULL,
      ${SHARED_COLUMNS},
      PRIMARY KEY (agent_id, seq, interval_start)
    ) PARTITION BY RANGE (interval_start)`);
    await q.query(`CREATE INDEX reports_agent_interval_idx ON reports (agent_id, interval_start)`);
    // Rollup reads by time and finds late reports by arrival time; rows arrive in time order,
    // so BRIN indexes serve both at almost no cost to ingest.
    await q.query(`CREATE INDEX reports_interval_idx ON reports USING brin (interval_start)`);
    await q.query(`CREATE INDEX reports_received_idx ON reports USING brin (received_at)`);
    for (const level of ['1m', '1h']) {
      await q.query(`CREATE TABLE reports_${level} (
        seq bigint NOT NULL,
        reports integer NOT NULL,
        ${SHARED_COLUMNS},
        PRIMARY KEY (agent_id, interface, interval_start)
      ) PARTITION BY RANGE (interval_start)`);
      // Host timelines filter by agent without knowing the interface; fleet views by time only.
      await q.query(
        `CREATE INDEX reports_${level}_agent_idx ON reports_${level} (agent_id, interval_start)`,
      );
      await q.query(
        `CREATE INDEX reports_${level}_interval_idx ON reports_${level} (interval_start)`,
      );
      await q.query(
        `CREATE INDEX reports_${level}_received_idx ON reports_${level} USING brin (received_at)`,
      );
    }
    await q.query(`CREATE TABLE storage_rollups (
      resolution text PRIMARY KEY,
      rolled_until timestamptz,
      scanned_from timestamptz
    )`);
    await q.query(`INSERT INTO storage_rollups (resolution) VALUES ('1m'), ('1h')`);
    await this.moveLegacyRows(q);
    await q.query(`DROP TABLE reports_legacy`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE storage_rollups`);
    await q.query(`DROP TABLE reports_1h`);
    await q.query(`DROP TABLE reports_1m`);
    await q.query(`ALTER TABLE reports RENAME TO reports_partitioned`);
    await q.query(
      `ALTER TABLE reports_partitioned RENAME CONSTRAINT reports_pkey TO reports_partitioned_pkey`,
    );
    await q.query(`ALTER INDEX reports_agent_interval_idx RENAME TO reports_partitioned_idx`);
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
      applications jsonb NOT NULL DEFAULT '{}'::jsonb,
      direction jsonb,
      flows jsonb NOT NULL DEFAULT '[]'::jsonb,
      flows_other jsonb NOT NULL DEFAULT '{"bytes":0,"packets":0}'::jsonb,
      talkers jsonb,
      quality jsonb,
      PRIMARY KEY (agent_id, seq)
    )`);
    await q.query(`CREATE INDEX reports_agent_interval_idx ON reports (agent_id, interval_start)`);
    await q.query(`INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end,
        packets, bytes, transport, undecodable, received_at, applications, direction, flows,
        flows_other, talkers, quality)
      SELECT agent_id, seq, interface, interval_start, interval_end, packets, bytes, transport,
        undecodable, received_at, applications, direction, flows, flows_other, talkers, quality
      FROM reports_partitioned ON CONFLICT DO NOTHING`);
    await q.query(`DROP TABLE reports_partitioned`);
  }

  private async moveLegacyRows(q: QueryRunner): Promise<void> {
    const days = (await q.query(
      `SELECT DISTINCT to_char(date_trunc('day', interval_start AT TIME ZONE 'UTC'), 'YYYYMMDD') AS day
       FROM reports_legacy`,
    )) as { day: string }[];
    for (const { day } of days) {
      const from = new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T00:00:00Z`);
      const to = new Date(from.getTime() + 86_400_000);
      await q.query(`CREATE TABLE reports_d${day} PARTITION OF reports
        FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
    }
    const dir = (side: string) => `COALESCE((direction->'${side}'->>'bytes')::bigint, 0)`;
    await q.query(`INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end,
        packets, bytes, bytes_in, bytes_out, undecodable, transport, applications, direction, flows,
        flows_other, talkers, quality, received_at)
      SELECT agent_id, seq, interface, interval_start, interval_end, packets, bytes, ${dir('in')},
        ${dir('out')}, undecodable, transport, applications, direction, flows, flows_other, talkers,
        quality, received_at
      FROM reports_legacy`);
  }
}
