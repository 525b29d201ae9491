// Starts: a fresh Postgres database and a TypeORM DataSource with the console's migrations.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { createTestDatabase, queryTestDatabase, type TestDatabase } from './support/test-database';

const TABLES =
  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1";

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
  const ALL_TABLES = ['host_names', 'hosts', 'reports', 'settings', 'users'];

  it('goes up, down and up again', async () => {
    await ds.runMigrations();
    expect(await tables()).toEqual(ALL_TABLES);

    await ds.undoLastMigration();
    expect(await tables()).toEqual(['hosts', 'reports', 'settings', 'users']);
    await ds.undoLastMigration();
    expect(await tables()).toEqual([]);

    await ds.runMigrations();
    expect(await tables()).toEqual(ALL_TABLES);
    const indexes = await queryTestDatabase<{ indexname: string }>(
      db.url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'reports' ORDER BY 1",
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['reports_agent_interval_idx', 'reports_pkey']);
  });

  it('keeps reports stored before the analysis columns, reading as nothing seen', async () => {
    await ds.undoLastMigration();
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
});
