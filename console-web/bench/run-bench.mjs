// Web benchmark (`npm run bench:web`): the production build's initial JavaScript (gzip) against
// the 400 kB budget, then main-thread long tasks in real Chromium on the fleet and host pages of
// a real console fed by N fake agents over real MQTT. Baseline in the same run: the same pages
// while the agents publish nothing. See README.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { initialJs } from './lib/bundle.mjs';
import { startFleet } from './lib/fleet.mjs';
import { OBSERVER_SCRIPT, measure } from './lib/long-tasks.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'console-web/dist/browser');
const BUDGET_KB = 400;
const SECRET = 'bench-agent-secret';
const PASSWORD = 'bench-admin-pass';
const USAGE =
  'usage: npm run bench:web -- [--no-build] [--hosts 500] [--seconds 30] [--bundle-only]';

function parseArgs(argv) {
  const o = { build: true, bundleOnly: false, hosts: 500, seconds: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') o.build = false;
    else if (a === '--bundle-only') o.bundleOnly = true;
    else if (a === '--hosts') o.hosts = Number(argv[++i]);
    else if (a === '--seconds') o.seconds = Number(argv[++i]);
    else fail(`unknown option ${a}\n${USAGE}`);
  }
  if (!(o.hosts > 0) || !(o.seconds > 0)) fail(`--hosts and --seconds must be positive\n${USAGE}`);
  return o;
}

function fail(message) {
  console.error(`bench:web: ${message}`);
  process.exit(2);
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${res.status})`);
}

// The e2e suites' helpers (built JS of libs/testing), loaded once the build step has run.
function testing() {
  if (!existsSync(join(ROOT, 'libs/testing/dist/index.js'))) {
    run('npx', ['nx', 'build', 'testing', '--outputStyle=static']);
  }
  return require('@nta/testing');
}

function database() {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return testing().createTestDatabase('nta_bench_web', base);
}

async function startConsole(dbUrl) {
  const cons = await testing().startBuiltConsole({
    adminPassword: PASSWORD,
    agentSecret: SECRET,
    databaseUrl: dbUrl,
    env: { NTA_BROKER_HOST: '127.0.0.1', NTA_HTTP_HOST: '127.0.0.1', NTA_LOG_LEVEL: 'warn' },
  });
  return {
    base: cons.baseUrl,
    broker: `mqtt://127.0.0.1:${cons.brokerPort}`,
    stop: () => cons.proc.stop(),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const row = (cells) => cells.map((c, i) => String(c).padStart(i ? 12 : 28)).join('');
const ratio = (value, baseline) => (baseline > 0 ? `${(value / baseline).toFixed(2)}x` : 'n/a');

function printBundle(bundle) {
  console.log('\n== initial JavaScript (production build, gzip -9) ==');
  for (const f of bundle.files)
    console.log(
      `  ${f.file.padEnd(28)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`,
    );
  const pct = (100 * bundle.gzip) / (BUDGET_KB * 1024);
  const verdict = bundle.gzip <= BUDGET_KB * 1024 ? 'within' : 'OVER';
  console.log(
    `  total ${kb(bundle.raw)} raw, ${kb(bundle.gzip)} gzip = ${pct.toFixed(1)} % of the ${BUDGET_KB} kB budget (${verdict})`,
  );
}

async function scenario(page, cdp, name, seconds) {
  const r = await measure(page, cdp, seconds);
  console.log(
    row([
      name,
      r.count,
      r.totalMs.toFixed(0),
      r.maxMs.toFixed(0),
      `${r.busyPct.toFixed(2)} %`,
      `${r.taskPct.toFixed(2)} %`,
      r.scriptMs.toFixed(0),
      r.fps.toFixed(1),
    ]),
  );
  return r;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.build || !existsSync(join(DIST, 'index.html'))) {
    run('npx', [
      'nx',
      'build',
      'console-web',
      '--configuration=production',
      '--outputStyle=static',
    ]);
  }
  printBundle(initialJs(DIST));
  if (o.bundleOnly) return;
  if (!existsSync(join(ROOT, 'console-api/dist/main.js'))) {
    run('npx', ['nx', 'build', 'console-api', '--outputStyle=static']);
  }

  const db = await database();
  const cons = await startConsole(db.url).catch(async (e) => {
    await db.drop();
    throw e;
  });
  let fleet;
  let browser;
  try {
    const t = Date.now();
    fleet = await startFleet({ count: o.hosts, secret: SECRET, url: cons.broker });
    console.log(`\n${o.hosts} fake agents connected over MQTT in ${Date.now() - t} ms`);
    const login = await fetch(`${cons.base}/api/auth/login`, {
      body: JSON.stringify({ password: PASSWORD, username: 'admin' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    const session = await login.json();
    browser = await chromium.launch({
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
      executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
    });
    const context = await browser.newContext({ viewport: { height: 900, width: 1280 } });
    await context.addInitScript(OBSERVER_SCRIPT);
    await context.addInitScript((s) => {
      try {
        localStorage.setItem('nta.session', s);
      } catch {
        // about:blank has no storage
      }
    }, JSON.stringify(session));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const openFleet = async () => {
      await page.goto(`${cons.base}/hosts`);
      // The list is virtually scrolled: wait for the count of every host, not the last row.
      await page
        .locator('[data-test=shown]', { hasText: `${fleet.agents.length} shown` })
        .waitFor({ timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 3000));
    };
    const openHost = async () => {
      await page.goto(`${cons.base}/hosts/${fleet.agents[0].id}`);
      await page.locator('[data-testid=host-name]').waitFor({ timeout: 30_000 });
      await new Promise((r) => setTimeout(r, 3000));
    };

    console.log(`\n== long tasks in Chromium, ${o.seconds} s per page, ${o.hosts} hosts ==`);
    console.log(
      row([
        'page',
        'long tasks',
        'long ms',
        'max ms',
        'long busy',
        'all busy',
        'script ms',
        'frames/s',
      ]),
    );
    fleet.rate(0);
    await openFleet();
    const fleetIdle = await scenario(page, cdp, 'fleet, no updates', o.seconds);
    await openHost();
    const hostIdle = await scenario(page, cdp, 'host, no updates', o.seconds);
    fleet.rate(1);
    await openFleet();
    const before = fleet.published;
    const fleetLive = await scenario(page, cdp, `fleet, ${o.hosts} x 1 report/s`, o.seconds);
    const reportsPerSec = (fleet.published - before) / o.seconds;
    await openHost();
    const hostLive = await scenario(page, cdp, `host, ${o.hosts} x 1 report/s`, o.seconds);
    fleet.rate(0);

    console.log(`\n  reports published: ${reportsPerSec.toFixed(0)}/s during the fleet window`);
    console.log('  ratio live / no updates (main-thread task time, all tasks; long-task time):');
    const line = (name, live, idle) =>
      console.log(
        `    ${name}: ${ratio(live.taskMs, idle.taskMs)} task time, ` +
          `${ratio(live.totalMs, idle.totalMs)} long-task time ` +
          `(${idle.taskMs.toFixed(0)} -> ${live.taskMs.toFixed(0)} ms of tasks in ${o.seconds} s)`,
      );
    line('fleet page', fleetLive, fleetIdle);
    line('host page ', hostLive, hostIdle);
    const ok = fleetLive.busyPct < 50 && fleetLive.maxMs < 1000;
    const verdict = ok ? 'responsive' : 'NOT responsive';
    console.log(
      `  fleet page, ${o.hosts} live hosts: ${verdict} (long tasks < 50 % of the time, none over 1 s)`,
    );
  } finally {
    await browser?.close();
    await fleet?.stop();
    await cons.stop();
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
