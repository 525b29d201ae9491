// `npm start`: the whole product on one machine — installs what is missing, builds, starts an
// embedded Postgres (unless DATABASE_URL is set), the console (API + broker + web on one port) and a
// local agent, then prints the URL and the login. Ctrl-C stops everything; data stays in .data/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-pg.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { DATA_DIR, ROOT } from './paths.mjs';
import { nextFreePort } from './ports.mjs';
import { prefixLines, waitForHealth } from './processes.mjs';

const env = process.env;
const say = (line) => console.log(`[start] ${line}`);

function localSecrets() {
  const file = join(DATA_DIR, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    adminPassword: randomBytes(9).toString('base64url'),
    agentSecret: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function build() {
  say('building (contracts, agent, console-api, console-web)');
  const res = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--outputStyle=static'],
    { cwd: ROOT, env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, stdio: 'inherit' },
  );
  if (res.status !== 0) {
    console.error('[start] the build failed; see the output above');
    process.exit(1);
  }
}

function agentId() {
  const id = hostname().replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (id || 'local').slice(0, 64);
}

ensureDeps();
build();
mkdirSync(DATA_DIR, { recursive: true });
const secrets = localSecrets();
const children = [];
let pg = null;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping');
  for (const child of children.reverse()) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
  await pg?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

let databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  say('no DATABASE_URL: starting the embedded Postgres in .data/pg');
  pg = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, 'pg'), database: 'nta', log: console.error });
  databaseUrl = pg.url;
}
const httpPort = await nextFreePort(Number(env.NTA_HTTP_PORT ?? 8080));
const external = env.NTA_BROKER_MODE === 'external' || Boolean(env.NTA_BROKER_URL);
const brokerPort = external ? null : await nextFreePort(Number(env.NTA_BROKER_PORT ?? 1883), [httpPort]);
const consoleUrl = external ? env.NTA_BROKER_URL : `mqtt://127.0.0.1:${brokerPort}`;

function launch(name, args, childEnv) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(child.stdout, `[${name}] `, process.stdout);
  prefixLines(child.stderr, `[${name}] `, process.stderr);
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (code ${code}); stopping the rest`);
    void stopAll(code || 1);
  });
  children.push(child);
  return child;
}

launch('console', ['console-api/dist/main.js'], {
  ...env,
  DATABASE_URL: databaseUrl,
  NTA_ADMIN_PASSWORD: env.NTA_ADMIN_PASSWORD ?? secrets.adminPassword,
  NTA_AGENT_SECRET: env.NTA_AGENT_SECRET ?? secrets.agentSecret,
  NTA_HTTP_PORT: String(httpPort),
  // Services log JSON by default; a person at a terminal reads the pretty form.
  NTA_LOG_FORMAT: env.NTA_LOG_FORMAT ?? 'pretty',
  ...(external ? { NTA_BROKER_MODE: 'external' } : { NTA_BROKER_PORT: String(brokerPort) }),
});
await waitForHealth(`http://127.0.0.1:${httpPort}/api/health`, 120_000);
launch('agent', ['agent/dist/main.js', 'run'], {
  ...env,
  NTA_AGENT_ID: env.NTA_AGENT_ID ?? agentId(),
  NTA_AGENT_PASSWORD: env.NTA_AGENT_SECRET ?? secrets.agentSecret,
  NTA_CONSOLE_URL: consoleUrl,
  NTA_STATE_DIR: join(DATA_DIR, 'agent'),
});
const moved = [
  httpPort !== Number(env.NTA_HTTP_PORT ?? 8080) ? `HTTP ${httpPort}` : null,
  brokerPort !== null && brokerPort !== Number(env.NTA_BROKER_PORT ?? 1883) ? `broker ${brokerPort}` : null,
].filter(Boolean);
console.log(`
  Console:  http://localhost:${httpPort}/
  Login:    ${env.NTA_ADMIN_USERNAME ?? 'admin'} / ${env.NTA_ADMIN_PASSWORD ?? secrets.adminPassword}
  Broker:   ${consoleUrl}${moved.length ? `  (default ports busy, took ${moved.join(', ')})` : ''}
  Data:     ${pg ? '.data/pg (embedded Postgres)' : 'DATABASE_URL'}   Stop: Ctrl-C
`);
