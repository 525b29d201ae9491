// Ingest benchmark: simulated agents (real mqtt.js clients) publish one report per second each
// (50 flows, 20 application rows) to the real console's embedded broker; the agent count steps up
// until the console no longer keeps ingest lag (interval end → ack after commit) under 2 s.
// Beside it, a plain COPY of the same rows into the same Postgres. `npm run bench:ingest`.
import * as mqtt from 'mqtt';
import { cpus } from 'node:os';
import { copyRowsPerSecond } from './copy-baseline.mjs';
import { AGENT_SECRET, startConsole } from '../lib/console.mjs';
import { benchDatabase } from '../lib/database.mjs';
import { APPLICATIONS, FLOWS, reportTemplate } from '../lib/report-template.mjs';
import { postgresCpu, postgresCpuBetween, selfCpuSeconds } from '../lib/cpu.mjs';
import { fmt, percentile, table } from '../lib/stats.mjs';

const USAGE = `usage: npm run bench:ingest -- [--steps 100,250,500,1000,1500,2000] [--seconds 20]
                            [--warmup 5] [--copy-rows 20000] [--console-node-args "--cpu-prof ..."]
                            [--console-env NTA_INGEST_IN_FLIGHT=1,NTA_INGEST_BATCH_ROWS=500]`;
const LAG_LIMIT_MS = 2000;
const log = (line) => console.log(`[bench:ingest] ${line}`);

function parseArgs(argv) {
  const o = {
    consoleEnv: {},
    consoleNodeArgs: [],
    copyRows: 20_000,
    seconds: 20,
    steps: [100, 250, 500, 1000, 1500, 2000],
    warmup: 5,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value\n${USAGE}`);
    if (argv[i] === '--steps') o.steps = value().split(',').map(Number);
    else if (argv[i] === '--seconds') o.seconds = Number(value());
    else if (argv[i] === '--warmup') o.warmup = Number(value());
    else if (argv[i] === '--copy-rows') o.copyRows = Number(value());
    else if (argv[i] === '--console-node-args') o.consoleNodeArgs = value().split(' ');
    else if (argv[i] === '--console-env') {
      o.consoleEnv = Object.fromEntries(
        value()
          .split(',')
          .map((kv) => kv.split('=')),
      );
    } else fail(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (o.steps.some((n) => !Number.isInteger(n) || n <= 0))
    fail(`--steps: positive integers\n${USAGE}`);
  return o;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

/** One simulated agent: publishes every second at its phase, records the ack of each seq. */
class SimAgent {
  constructor(id, client) {
    this.id = id;
    this.client = client;
    this.template = reportTemplate(id);
    this.seq = 0;
    this.sent = new Map();
    this.timer = null;
    this.lags = [];
  }

  static async connect(url, id) {
    const client = await mqtt.connectAsync(url, {
      clientId: `${id}-${process.pid}`,
      connectTimeout: 30_000,
      password: AGENT_SECRET,
      reconnectPeriod: 1000,
      username: id,
    });
    const agent = new SimAgent(id, client);
    await client.subscribeAsync(`nta/v1/agents/${id}/ack`, { qos: 1 });
    client.on('message', (_topic, payload) => agent.onAck(JSON.parse(payload.toString())));
    return agent;
  }

  start(phaseMs) {
    setTimeout(() => {
      this.publish();
      this.timer = setInterval(() => this.publish(), 1000);
    }, phaseMs);
  }

  publish() {
    const now = Date.now();
    const seq = ++this.seq;
    // The interval that just ended: the agent publishes right after the second closes.
    const start = now - 1000;
    this.sent.set(seq, start + 1000);
    this.client.publish(`nta/v1/agents/${this.id}/stats`, this.template.render(seq, start), {
      qos: 1,
    });
  }

  onAck(ack) {
    const now = Date.now();
    for (const seq of ack.seqs) {
      const end = this.sent.get(seq);
      if (end === undefined) continue;
      this.sent.delete(seq);
      this.lags.push({ at: now, lag: now - end });
    }
  }

  async close() {
    clearInterval(this.timer);
    await this.client.endAsync(true);
  }
}

async function measureStep(agents, consoleProc, database, o) {
  for (const a of agents) a.lags = [];
  await new Promise((r) => setTimeout(r, o.warmup * 1000));
  const from = Date.now();
  const cpu0 = consoleProc.cpuSeconds();
  const [pg0, self0] = [postgresCpu(database), selfCpuSeconds()];
  const sentBefore = agents.reduce((t, a) => t + a.seq, 0);
  await new Promise((r) => setTimeout(r, o.seconds * 1000));
  const to = Date.now();
  const cpu1 = consoleProc.cpuSeconds();
  const [pg1, self1] = [postgresCpu(database), selfCpuSeconds()];
  const pct = (seconds) => (seconds / ((to - from) / 1000)) * 100;
  const sent = agents.reduce((t, a) => t + a.seq, 0) - sentBefore;
  // Reports published in the window get LAG_LIMIT_MS to be acked before we count them missing.
  await new Promise((r) => setTimeout(r, LAG_LIMIT_MS + 500));
  const lags = agents
    .flatMap((a) => a.lags.filter((l) => l.at >= from && l.at < to + LAG_LIMIT_MS))
    .map((l) => l.lag)
    .sort((x, y) => x - y);
  const inWindow = agents.flatMap((a) => a.lags.filter((l) => l.at >= from && l.at < to));
  const unacked = agents.reduce(
    (t, a) => t + [...a.sent.values()].filter((end) => end < to - LAG_LIMIT_MS).length,
    0,
  );
  return {
    agents: agents.length,
    benchCpuPct: pct(self1 - self0),
    consoleCpuPct: pct(cpu1 - cpu0),
    postgresCpuPct: pct(postgresCpuBetween(pg0, pg1)),
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: lags.at(-1) ?? NaN,
    rowsPerSec: inWindow.length / ((to - from) / 1000),
    sentPerSec: sent / ((to - from) / 1000),
    unacked,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), shared with other work: figures are noisy`,
  );
  const db = await benchDatabase('nta_bench_ingest', log);
  let consoleProc = null;
  const agents = [];
  const results = [];
  let copy = NaN;
  try {
    consoleProc = await startConsole(db.url, o.consoleEnv, o.consoleNodeArgs);
    log(
      `console up (pid ${consoleProc.pid}); database ${db.name}; env ${JSON.stringify(o.consoleEnv)}`,
    );
    for (const target of o.steps) {
      log(`step: ${target} agents`);
      while (agents.length < target) {
        const batch = [];
        for (let i = 0; i < 50 && agents.length + batch.length < target; i++) {
          batch.push(
            SimAgent.connect(consoleProc.brokerUrl, `bench-${agents.length + batch.length}`),
          );
        }
        agents.push(...(await Promise.all(batch)));
      }
      // New agents spread their phases over the whole second (not bunched after the old ones).
      const fresh = agents.filter((a) => a.timer === null);
      fresh.forEach((a, j) => a.start(Math.floor((j * 1000) / fresh.length)));
      const r = await measureStep(agents, consoleProc, db.name, o);
      results.push(r);
      const ok = r.p95 < LAG_LIMIT_MS && r.unacked === 0 && r.rowsPerSec >= 0.97 * r.sentPerSec;
      r.sustained = ok;
      log(
        `${target} agents: ${fmt(r.rowsPerSec)} reports/s committed of ${fmt(r.sentPerSec)} sent, lag p50 ${fmt(r.p50)} ms p95 ${fmt(r.p95)} ms max ${fmt(r.max)} ms, unacked ${r.unacked}, CPU % console ${fmt(r.consoleCpuPct)} postgres ${fmt(r.postgresCpuPct)} bench ${fmt(r.benchCpuPct)} → ${ok ? 'sustained' : 'NOT sustained'}`,
      );
      if (!ok) break;
    }
  } finally {
    await Promise.all(agents.map((a) => a.close().catch(() => undefined)));
    const status = consoleProc ? await storageStatus(consoleProc) : null;
    await consoleProc?.stop();
    if (status) log(`console ingest counters: ${JSON.stringify(status.ingest)}`);
    if (status) log(`console last rollup run: ${JSON.stringify(status.lastRun)}`);
    copy = await copyRowsPerSecond(db.url, o.copyRows, 100).catch((e) => {
      log(`COPY baseline failed: ${e.message}`);
      return NaN;
    });
    await db.drop();
  }
  const best = results.filter((r) => r.sustained).at(-1);
  console.log('');
  console.log(
    table(
      [
        'agents',
        'sent/s',
        'committed/s',
        'lag p50 ms',
        'lag p95 ms',
        'lag max ms',
        'unacked',
        'console CPU %',
        'postgres CPU %',
        'bench CPU %',
        'sustained',
      ],
      results.map((r) => [
        r.agents,
        fmt(r.sentPerSec),
        fmt(r.rowsPerSec),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.max),
        r.unacked,
        fmt(r.consoleCpuPct),
        fmt(r.postgresCpuPct),
        fmt(r.benchCpuPct),
        r.sustained ? 'yes' : 'NO',
      ]),
    ),
  );
  console.log('');
  console.log(
    "CPU %: of one core (both cores = 200 %); postgres = the bench database's backends (the rollup too) + WAL writer, checkpointer, background writer; bench = the simulated agents",
  );
  console.log(
    `each report: ${FLOWS} flows + ${APPLICATIONS} application rows (one 1 s row in Postgres)`,
  );
  console.log(
    `most agents sustained at 1 Hz with lag p95 < ${LAG_LIMIT_MS} ms: ${best ? best.agents : 'none of the steps'}`,
  );
  console.log(`plain COPY of the same rows into the same Postgres: ${fmt(copy)} rows/s`);
  if (best) {
    console.log(
      `console sustained ${fmt(best.rowsPerSec)} rows/s = ${fmt((best.rowsPerSec / copy) * 100, 1)} % of COPY (ratio ${fmt(best.rowsPerSec / copy, 3)})`,
    );
  }
  console.log(
    `goal: 2,000 agents at 1 Hz on 2 cores — ${best && best.agents >= 2000 ? 'met' : 'not met on this run'}`,
  );
}

async function storageStatus(consoleProc) {
  try {
    const token = await consoleProc.login();
    const res = await fetch(`${consoleProc.base}/api/storage`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return await res.json();
  } catch {
    return null;
  }
}

await main();
process.exit(0);
