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

  it('goes up, down and up again', async () => {
    await ds.runMigrations();
    const tables = async () =>
      (await queryTestDatabase<{ table_name: string }>(db.url, TABLES)).map((t) => t.table_name);
    expect(await tables()).toEqual(['hosts', 'reports', 'settings', 'users']);

    await ds.undoLastMigration();
    expect(await tables()).toEqual([]);

    await ds.runMigrations();
    expect(await tables()).toEqual(['hosts', 'reports', 'settings', 'users']);
    const indexes = await queryTestDatabase<{ indexname: string }>(
      db.url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'reports' ORDER BY 1",
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['reports_agent_interval_idx', 'reports_pkey']);
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
