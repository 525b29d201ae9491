// The Postgres a bench runs against: $DATABASE_URL's server, or an embedded one in a temp dir.
// Every bench works in a database of its own, created here and dropped by drop().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../infra/local/embedded-pg.mjs';

export async function benchDatabase(prefix, log) {
  let server = process.env.DATABASE_URL;
  let embedded = null;
  let dataDir = null;
  if (!server) {
    dataDir = mkdtempSync(join(tmpdir(), 'nta-bench-pg-'));
    log('DATABASE_URL not set: starting an embedded Postgres');
    embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', log });
    server = embedded.url;
  }
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      if (embedded) await embedded.stop();
      if (dataDir) rmSync(dataDir, { force: true, recursive: true });
    },
  };
}

export async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function admin(server, run) {
  return withClient(server, run);
}
