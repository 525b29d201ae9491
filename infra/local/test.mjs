// `npm test`: installs what is missing, builds, lints, runs every suite against real parts
// (Postgres from DATABASE_URL or an embedded one, real brokers, real capture, headless Chromium)
// and ends with one line `N passed, N failed[, N skipped]` summed over all suites.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-pg.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { ROOT, TEST_OUTPUT_DIR } from './paths.mjs';

const RESULTS_DIR = join(TEST_OUTPUT_DIR, 'results');
const only = process.argv.slice(2);

// A check (build, lint) counts as one test; a suite reports its own counts.
const STEPS = [
  { check: true, cmd: ['npx', 'nx', 'run-many', '-t', 'build', '--outputStyle=static'], name: 'build' },
  { check: true, cmd: ['npx', 'eslint', '--max-warnings', '0', '.'], name: 'lint' },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'libs/contracts'], name: 'libs-contracts' },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'agent'], name: 'agent' },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'console-api'], name: 'console-api' },
  { cmd: ['npx', 'nx', 'test', 'console-web', '--outputStyle=static'], name: 'console-web' },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'agent', '--integration'], name: 'agent-integration' },
  {
    cmd: ['node', 'infra/local/jasmine.mjs', 'console-api', '--integration'],
    name: 'console-api-integration',
  },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'console-api', '--e2e'], name: 'console-api-e2e' },
  { cmd: ['node', 'infra/local/jasmine.mjs', 'console-web', '--e2e'], name: 'console-web-e2e' },
];

function run(cmd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

function readCounts(name) {
  const file = join(RESULTS_DIR, `${name}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function database() {
  if (process.env.DATABASE_URL) return { stop: async () => {}, url: process.env.DATABASE_URL };
  const dataDir = join(TEST_OUTPUT_DIR, 'pg');
  rmSync(dataDir, { force: true, recursive: true });
  console.log('[test] no DATABASE_URL: starting an embedded Postgres for the integration suites');
  return startEmbeddedPostgres({ dataDir, database: 'nta_test', log: console.error });
}

ensureDeps({ browser: true, tools: true });
rmSync(RESULTS_DIR, { force: true, recursive: true });
mkdirSync(RESULTS_DIR, { recursive: true });
const db = await database();
const env = {
  ...process.env,
  CHROME_BIN: process.env.CHROME_BIN ?? '/usr/bin/chromium',
  DATABASE_URL: db.url,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_SKIP_NX_CACHE: 'true',
};
const total = { failed: 0, passed: 0, skipped: 0 };
const lines = [];
let buildFailed = false;
for (const step of STEPS) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n[test] ── ${step.name} ──`);
  const code = await run(step.cmd, env);
  let counts = step.check ? { failed: code ? 1 : 0, passed: code ? 0 : 1, skipped: 0 } : null;
  if (!counts) {
    counts = readCounts(step.name) ?? { failed: 1, passed: 0, skipped: 0 };
    // A suite that crashed or failed outside a spec must not pass with zero failures.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
  }
  if (step.name === 'build' && code !== 0) buildFailed = true;
  total.failed += counts.failed;
  total.passed += counts.passed;
  total.skipped += counts.skipped;
  lines.push(`${step.name.padEnd(26)} ${counts.passed} passed, ${counts.failed} failed`);
  if (buildFailed) break;
}
await db.stop();
console.log(`\n[test] summary\n${lines.map((l) => `  ${l}`).join('\n')}`);
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
