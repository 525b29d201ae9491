import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  drop(): Promise<void>;
  url: string;
}

/** CREATE DATABASE nta_it_<random> on the server of $DATABASE_URL, so suites never collide. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('integration tests need DATABASE_URL (a real Postgres)');
  const name = `nta_it_${randomBytes(5).toString('hex')}`;
  await withAdmin(base, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    drop: () => withAdmin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    url: url.toString(),
  };
}

/** Runs one query against the test database itself. */
export async function queryTestDatabase<T>(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function withAdmin(base: string, run: (c: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
