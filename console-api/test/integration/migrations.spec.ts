// Starts: a fresh Postgres database and a TypeORM DataSource with the console's migrations.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { createTestDatabase, queryTestDatabase, type TestDatabase } from './support/test-database';

// Partitions are the console's business at runtime; the schema is the parents.
const TABLES = `SELECT t.table_name FROM information_schema.tables t
  JOIN pg_class c ON c.relname = t.table_name AND NOT c.relispartition
  WHERE t.table_schema = 'public' AND t.table_name <> 'migrations' ORDER BY 1`;

describe('database migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource({ ...dataSourceOptions(db.url), migrationsRun: false });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  }, 30_000);

  const tables = async () =>
    (await queryTestDatabase<{ table_name: string }>(db.url, TABLES)).map((t) => t.table_name);
  const ALL_TABLES = [
    'agent_credentials',
    'alert_events',
    'alert_rules',
    'api_tokens',
    'audit_log',
    'enrolment_tokens',
    'host_names',
    'hosts',
    'reports',
    'reports_1h',
    'reports_1m',
    'sessions',
    'settings',
    'storage_rollups',
    'users',
  ];
  // Undoes migrations newest first until `name` is undone too, whatever was added after it.
  const undoThrough = async (name: string) => {
    for (;;) {
      const [last] = await ds.query<{ name: string }[]>(
        'SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1',
      );
      if (!last) throw new Error(`migration ${name} is not applied`);
      await ds.undoLastMigration();
      if (last.name === name) return;
    }
  };

  it('goes up, down and up again', async () => {
    await ds.runMigrations();
    expect(await tables()).toEqual(ALL_TABLES);

    await undoThrough('Accounts1796100000000');
    expect(await tables()).toEqual(['host_names', 'hosts', 'reports', 'settings', 'users']);
    await undoThrough('ReportAnalysis1795500000000');
    expect(await tables()).toEqual(['hosts', 'reports', 'settings', 'users']);
    await undoThrough('InitialSchema1732435200000');
    expect(await tables()).toEqual([]);

    await ds.runMigrations();
    expect(await tables()).toEqual(ALL_TABLES);
    const indexes = await queryTestDatabase<{ indexname: string }>(
      db.url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'reports' ORDER BY 1",
    );
    expect(indexes.map((i) => i.indexname)).toEqual([
      'reports_agent_interval_idx',
      'reports_interval_idx',
      'reports_pkey',
      'reports_received_idx',
    ]);
  });
  it('compresses report JSON with lz4 where the server has it, new partitions too', async () => {
    const lz4 = await queryTestDatabase(
      db.url,
      `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
    );
    await queryTestDatabase(
      db.url,
      `CREATE TABLE reports_d20200101 PARTITION OF reports
         FOR VALUES FROM ('2020-01-01T00:00:00Z') TO ('2020-01-02T00:00:00Z')`,
    );
    const methods = await queryTestDatabase<{ rel: string; method: string }>(
      db.url,
      `SELECT attrelid::regclass::text AS rel, attcompression AS method FROM pg_attribute
       WHERE attname = 'flows' AND attrelid::regclass::text IN ('reports', 'reports_d20200101', 'reports_1h')
       ORDER BY 1`,
    );
    const expected = lz4.length > 0 ? 'l' : '';
    expect(methods).toEqual([
      { method: expected, rel: 'reports' },
      { method: expected, rel: 'reports_1h' },
      { method: expected, rel: 'reports_d20200101' },
    ]);
    await queryTestDatabase(db.url, 'DROP TABLE reports_d20200101');
  });

  it('gives hosts a GIN index on labels and keeps one open alert per rule and host', async () => {
    const hostIndexes = await queryTestDatabase<{ indexdef: string }>(
      db.url,
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'hosts_labels_gin_idx'",
    );
    expect(hostIndexes[0]?.indexdef).toContain('USING gin (labels)');
    const [rule] = await queryTestDatabase<{ id: string }>(
      db.url,
      "INSERT INTO alert_rules (name, kind, for_seconds) VALUES ('r', 'host-offline', 0) RETURNING id",
    );
    const open = `INSERT INTO alert_events (rule_id, rule_name, host, message, fired_at)
      VALUES ($1, 'r', 'h1', 'm', now())`;
    await queryTestDatabase(db.url, open, [rule.id]);

    await expectAsync(queryTestDatabase(db.url, open, [rule.id])).toBeRejectedWithError(
      /alert_events_active_idx/,
    );
    await queryTestDatabase(db.url, 'DELETE FROM alert_rules');
  });

  it('keeps users (and their bcrypt hashes) across the accounts migration', async () => {
    await undoThrough('Accounts1796100000000');
    await queryTestDatabase(
      db.url,
      `INSERT INTO users (username, password_hash, role) VALUES ('kept', '$2b$10$x', 'admin')`,
    );
    await ds.runMigrations();

    const rows = await queryTestDatabase<Record<string, unknown>>(
      db.url,
      `SELECT username, password_hash, last_login_at FROM users`,
    );
    expect(rows).toEqual([{ last_login_at: null, password_hash: '$2b$10$x', username: 'kept' }]);
  });

  it('keeps reports stored before the analysis columns, reading as nothing seen', async () => {
    await undoThrough('ReportAnalysis1795500000000');
    await queryTestDatabase(
      db.url,
      `INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end, packets, bytes, transport)
       VALUES ('old', 1, 'eth0', now(), now(), 5, 600, '{"tcp":{"bytes":600,"packets":5}}')`,
    );
    await ds.runMigrations();

    const row = await ds.getRepository('ReportEntity').findOneByOrFail({ agentId: 'old' });
    expect(row).toEqual(
      jasmine.objectContaining({
        applications: {},
        bytes: 600,
        direction: null,
        flows: [],
        flowsOther: { bytes: 0, packets: 0 },
        quality: null,
        talkers: null,
      }),
    );
  });

  it('maps bigint columns back to numbers', async () => {
    // Today's partition exists: the previous spec's row moved into it.
    await queryTestDatabase(
      db.url,
      `INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end, packets, bytes, transport)
       VALUES ('a1', 9007199254740991, 'eth0', now(), now(), 5, 6000000000, '{}')`,
    );
    const row = await ds.getRepository('ReportEntity').findOneByOrFail({ agentId: 'a1' });

    expect(row).toEqual(
      jasmine.objectContaining({ bytes: 6000000000, packets: 5, seq: 9007199254740991 }),
    );
  });

  it('moves reports stored before partitioning into one partition per day, 1 s rows intact', async () => {
    await undoThrough('ReportStorage1796300000000');
    await queryTestDatabase(
      db.url,
      `INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end, packets, bytes,
         transport, direction)
       VALUES ('mv', 1, 'eth0', '2026-03-01T23:59:59Z', '2026-03-02T00:00:00Z', 5, 600, '{}',
           '{"in":{"bytes":400,"packets":3},"out":{"bytes":200,"packets":2}}'),
         ('mv', 2, 'eth0', '2026-03-02T00:00:00Z', '2026-03-02T00:00:01Z', 1, 60, '{}', null)`,
    );
    await ds.runMigrations();

    const rows = await queryTestDatabase<{ part: string; seq: string; bytes_in: string }>(
      db.url,
      "SELECT tableoid::regclass::text AS part, seq, bytes_in FROM reports WHERE agent_id = 'mv' ORDER BY seq",
    );
    expect(rows).toEqual([
      { bytes_in: '400', part: 'reports_d20260301', seq: '1' },
      { bytes_in: '0', part: 'reports_d20260302', seq: '2' },
    ]);
    expect(await tables()).not.toContain('reports_legacy');
  });

  it('goes down with the 1 s rows back in a plain table', async () => {
    await undoThrough('ReportStorage1796300000000');

    const rows = await queryTestDatabase<{ n: string }>(
      db.url,
      "SELECT count(*) AS n FROM reports WHERE agent_id = 'mv'",
    );
    expect(rows[0].n).toBe('2');
    await ds.runMigrations();
  });
});
