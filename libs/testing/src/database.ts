import { Client } from 'pg';

export interface TestDatabase {
  drop(): Promise<void>;
  url: string;
}

/** Creates a uniquely named database on the server of `base` (DATABASE_URL by default). */
export async function createTestDatabase(
  prefix: string,
  base = process.env['DATABASE_URL'],
): Promise<TestDatabase> {
  if (!base) throw new Error('DATABASE_URL is not set: npm test sets it (embedded Postgres)');
  const name = `${prefix}_${process.pid}_${Date.now() % 100_000}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    async drop() {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
    url: url.toString(),
  };
}
