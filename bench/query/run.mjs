// Query benchmark: 30 days of history for 500 hosts generated in the rollup tables, then p50/p95
// of a 24 h host timeline at 1 min step and a 7-day fleet overview (1 h step) through the real
// console's GET /api/timeseries. Baselines from the same run: the same answers computed from the
// next finer resolution (1 s rows for the host day, 1 min rows for the fleet week), plain SQL.
// `npm run bench:query`.
import { cpus } from 'node:os';
import { startConsole } from '../lib/console.mjs';
import { benchDatabase, withClient } from '../lib/database.mjs';
import { fmt, percentile, table } from '../lib/stats.mjs';
import { generateHistory } from './generate.mjs';

const USAGE =
  'usage: npm run bench:query -- [--hosts 500] [--days 30] [--minute-days 7] [--runs 200]';
const log = (line) => console.log(`[bench:query] ${line}`);
const DAY = 86_400_000;

function parseArgs(argv) {
  const o = { days: 30, hosts: 500, minuteDays: 7, runs: 200 };
  for (let i = 0; i < argv.length; i++) {
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0) fail(`${argv[i]} needs a positive integer\n${USAGE}`);
    if (argv[i] === '--hosts') o.hosts = n;
    else if (argv[i] === '--days') o.days = n;
    else if (argv[i] === '--minute-days') o.minuteDays = n;
    else if (argv[i] === '--runs') o.runs = n;
    else fail(`unknown option ${argv[i]}\n${USAGE}`);
    i++;
  }
  return o;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

async function timeRuns(runs, once) {
  for (let i = 0; i < Math.min(20, runs); i++) await once(i);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await once(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  log(`machine: ${cpus().length} cores, shared with other work: figures are noisy`);
  const db = await benchDatabase('nta_bench_query', log);
  let consoleProc = null;
  const rows = [];
  try {
    // A long rollup interval: the bench's generated marks stay put while it measures.
    consoleProc = await startConsole(db.url, { NTA_ROLLUP_INTERVAL: '24h' });
    await generateHistory(db.url, {
      hosts: o.hosts,
      hourDays: o.days,
      log,
      minuteDays: o.minuteDays,
    });
    const token = await consoleProc.login();
    const auth = { headers: { authorization: `Bearer ${token}` } };
    // Loads the generated marks into the console (and runs rollup/retention once).
    await fetch(`${consoleProc.base}/api/storage/run`, { ...auth, method: 'POST' });
    const get = async (path, expectResolution) => {
      const res = await fetch(`${consoleProc.base}${path}`, auth);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      if (body.resolution !== expectResolution) throw new Error(`${path}: read ${body.resolution}`);
      if (body.points.length === 0) throw new Error(`${path}: no points`);
      return body;
    };
    const host = (i) => `bench-h-${String((i * 37) % o.hosts).padStart(3, '0')}`;
    const now = Date.now();

    const timeline = await timeRuns(o.runs, (i) =>
      get(`/api/timeseries?host=${host(i)}&from=${now - DAY}&to=${now}&step=60`, '1m'),
    );
    rows.push(['24 h host timeline, 1 min step', 'GET /api/timeseries (1 min rows)', timeline, 50]);
    const fleet = await timeRuns(o.runs, () =>
      get(`/api/timeseries?from=${now - 7 * DAY}&to=${now}&step=3600`, '1h'),
    );
    rows.push(['7-day fleet overview, 1 h step', 'GET /api/timeseries (1 h rows)', fleet, 200]);

    await withClient(db.url, async (c) => {
      const series = (table, hostFilter, step, from) =>
        `SELECT date_bin('${step}', interval_start, TIMESTAMPTZ 'epoch') AS t, SUM(bytes)
         FROM ${table} WHERE interval_start >= to_timestamp(${from} / 1000.0)
           AND interval_start < to_timestamp(${now} / 1000.0) ${hostFilter} GROUP BY 1 ORDER BY 1`;
      const hostSql = await timeRuns(o.runs, (i) =>
        c.query(series('reports_1m', `AND agent_id = '${host(i)}'`, '1 minute', now - DAY)),
      );
      rows.push(['24 h host timeline, 1 min step', 'SQL on 1 min rows', hostSql, null]);
      const hostBase = await timeRuns(Math.min(o.runs, 50), () =>
        c.query(series('reports', `AND agent_id = 'bench-h-000'`, '1 minute', now - DAY)),
      );
      rows.push(['24 h host timeline, 1 min step', 'baseline: SQL on 1 s rows', hostBase, null]);
      const fleetSql = await timeRuns(o.runs, () =>
        c.query(series('reports_1h', '', '1 hour', now - 7 * DAY)),
      );
      rows.push(['7-day fleet overview, 1 h step', 'SQL on 1 h rows', fleetSql, null]);
      const weekFrom = now - Math.min(7, o.minuteDays) * DAY;
      const fleetBase = await timeRuns(Math.min(o.runs, 10), () =>
        c.query(series('reports_1m', '', '1 hour', weekFrom)),
      );
      rows.push([
        `${Math.min(7, o.minuteDays)}-day fleet overview, 1 h step`,
        'baseline: SQL on 1 min rows',
        fleetBase,
        null,
      ]);
    });
  } finally {
    await consoleProc?.stop();
    await db.drop();
  }
  console.log('');
  console.log(
    table(
      ['query', 'read through', 'p50 ms', 'p95 ms', 'goal p95 ms'],
      rows.map(([q, via, r, goal]) => [q, via, fmt(r.p50, 1), fmt(r.p95, 1), goal ?? '']),
    ),
  );
  const [timeline, fleet, , hostBase, , fleetBase] = rows.map((r) => r[2]);
  console.log('');
  console.log(
    `host timeline: p95 ${fmt(timeline.p95, 1)} ms (goal < 50) — ${timeline.p95 < 50 ? 'met' : 'not met'}; ` +
      `the 1 s baseline is ${fmt(hostBase.p50 / timeline.p50, 1)}× slower at p50`,
  );
  console.log(
    `fleet overview: p95 ${fmt(fleet.p95, 1)} ms (goal < 200) — ${fleet.p95 < 200 ? 'met' : 'not met'}; ` +
      `the 1 min baseline is ${fmt(fleetBase.p50 / fleet.p50, 1)}× slower at p50`,
  );
  console.log(
    `history: ${o.hosts} hosts, 1 h rows for ${o.days} days, 1 min rows for ${o.minuteDays} days (--minute-days), 1 s rows for 2 min (+24 h of one host)`,
  );
}

await main();
process.exit(0);
