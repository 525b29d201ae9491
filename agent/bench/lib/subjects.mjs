// The capture programs the bench compares: how to start each one, when it is ready, and how many
// packets it has captured so far (asked while it runs, so a warm-up burst can be subtracted).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const AGENT_MAIN = here('../../dist/main.js');
// Same kernel buffer as the agent's DEFAULT_NATIVE_BUFFER_BYTES (8 MiB), in tcpdump's KiB.
const TCPDUMP_BUFFER_KIB = 8 * 1024;
// The V8 flags the agent is launched with (infra/systemd/nta-agent.service, npm run agent,
// infra/install): a 1 MiB young generation; compile and GC on the main thread (peak RSS).
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=1', '--single-threaded'];
const ANSWER_TIMEOUT_MS = 5_000;

const jsonLines = (text) =>
  text
    .split('\n')
    .slice(0, -1) // the last piece is an unfinished line (or empty)
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

async function waitFor(check, what) {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} (no answer within ${ANSWER_TIMEOUT_MS / 1000} s)`);
    await sleep(20);
  }
}

// Sends `signal` and waits for one more count line than there was before.
async function askBySignal(ctx, signal, text, pattern, what) {
  const count = () => [...text().matchAll(pattern)].map((m) => Number(m[1]));
  const before = count().length;
  ctx.signal(signal);
  return waitFor(() => {
    const all = count();
    return all.length > before ? all[all.length - 1] : undefined;
  }, what);
}

export const TCPDUMP = {
  name: 'tcpdump',
  process: 'tcpdump',
  command: (iface) => ['tcpdump', '-w', '/dev/null', '-i', iface, '-B', String(TCPDUMP_BUFFER_KIB)],
  isReady: (ctx) => ctx.err().includes('listening on'),
  // tcpdump's ring hands over a partly filled block only after its 1 s timeout.
  minDrainMs: 1500,
  // SIGUSR1 makes tcpdump print its counts and carry on.
  captured: (ctx) =>
    askBySignal(
      ctx,
      'SIGUSR1',
      ctx.err,
      /(\d+) packets? captured/g,
      'tcpdump printed no count on SIGUSR1',
    ),
};

export const BARE_CAP = {
  name: 'bare-cap',
  process: 'node',
  command: (iface) => [process.execPath, here('../subjects/bare-cap.mjs'), '--interface', iface],
  isReady: (ctx) => ctx.out().includes('ready'),
  captured: (ctx) =>
    askBySignal(
      ctx,
      'SIGUSR2',
      ctx.out,
      /"captured":(\d+)/g,
      'bare-cap printed no count on SIGUSR2',
    ),
};

// The real agent: `watch --json` prints each per-second report, exactly the MQTT payload.
// `--log-level info` makes it name its capture backend on stderr.
function agent(name, extraArgs) {
  return {
    name,
    process: 'node',
    command: (iface) => [
      process.execPath,
      ...AGENT_NODE_FLAGS,
      AGENT_MAIN,
      'watch',
      '--interface',
      iface,
      '--json',
      '--log-level',
      'info',
      ...extraArgs,
    ],
    // The first report comes one second after the capture started.
    isReady: (ctx) => jsonLines(ctx.out()).length > 0,
    // The reports so far, once a report with no packets shows the link quiet and all counted.
    captured: (ctx) => {
      const seen = jsonLines(ctx.out()).length;
      return waitFor(() => {
        const reports = jsonLines(ctx.out());
        if (!reports.slice(seen).some((r) => r.totals.packets === 0)) return undefined;
        return reports.reduce((sum, r) => sum + r.totals.packets, 0);
      }, `${name} printed no quiet report after the burst`);
    },
    note: (ctx) => /capture backend: [^\n]*/.exec(ctx.err())?.[0] ?? null,
  };
}

/** The agent as it runs by default (`--backend auto`: the native addon when built). */
export const AGENT = agent('agent', []);
/** The agent on `cap`, one JS call per packet: against bare-cap it prices decode + aggregate. */
export const AGENT_CAP = agent('agent-cap', ['--backend', 'cap']);

/**
 * The agent as it runs in production: `run`, publishing each report to a real MQTT broker
 * (`broker`: subjects/broker.mjs in the receiving namespace, which acks every report like the
 * console) through the on-disk outbox. It counts what the broker received. Each burst gets a
 * fresh agent id and state directory, so it starts with an empty outbox, as a new install does.
 */
export function agentRun(broker, stateRoot) {
  let runs = 0;
  const idOf = (ctx) => ctx.command[ctx.command.indexOf('--agent-id') + 1];
  // One line per report the broker received (a resent report counts once).
  const reports = (agentId) => {
    const bySeq = new Map();
    for (const line of jsonLines(broker.out())) {
      if (line.agentId === agentId) bySeq.set(line.seq, line.packets);
    }
    return [...bySeq.values()];
  };
  return {
    name: 'agent-run',
    process: 'node',
    command: (iface) => {
      const id = `bench-run-${process.pid}-${++runs}`;
      return [
        process.execPath,
        ...AGENT_NODE_FLAGS,
        AGENT_MAIN,
        'run',
        '--interface',
        iface,
        '--console-url',
        `mqtt://127.0.0.1:${broker.port}`,
        '--agent-id',
        id,
        '--password',
        'bench',
        '--state-dir',
        join(stateRoot, id),
        '--log-level',
        'info',
      ];
    },
    isReady: (ctx) => reports(idOf(ctx)).length > 0,
    captured: (ctx) => {
      const id = idOf(ctx);
      const seen = reports(id).length;
      return waitFor(() => {
        const packets = reports(id);
        if (!packets.slice(seen).includes(0)) return undefined;
        return packets.reduce((sum, n) => sum + n, 0);
      }, 'agent-run: the broker got no quiet report after the burst');
    },
    note: (ctx) => /capture backend: [^\n]*/.exec(ctx.err())?.[0] ?? null,
  };
}

/** Why the built agent cannot be benchmarked, or null when it can. */
export function agentProblem(needsBackend) {
  if (!existsSync(AGENT_MAIN)) return 'agent/dist/main.js missing: run `npx nx build agent`';
  let help = '';
  try {
    help = execFileSync(process.execPath, [AGENT_MAIN, '--help'], { encoding: 'utf8' });
  } catch (e) {
    return `node agent/dist/main.js --help failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!/^\s+node \S+ watch/m.test(help)) return 'the built agent has no `watch` command';
  if (needsBackend && !help.includes('--backend')) return 'the built agent has no --backend option';
  return null;
}
