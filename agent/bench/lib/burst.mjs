// One measurement: start a subject in the receiving namespace, send one bounded burst from the
// sending namespace, wait until the subject has drained its buffer, stop it, collect figures.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { rxPackets } from './netns.mjs';
import { coreBusySeconds, cpuSeconds, peakRssBytes, processName } from './proc-stats.mjs';

const execFileAsync = promisify(execFile);
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
// After the burst the subject is drained once its CPU time stops growing for this long.
const IDLE_MS = 300;
const MAX_DRAIN_MS = 5_000;

// Every process the bench started and has not reaped, so exit handlers can end them.
export const liveChildren = new Set();

/**
 * @param {object} o pair, subject, cores {generator, subject}, pktgen (path), target (pps, 0 = max),
 *   count (frames), maxSeconds, flows
 */
export async function runBurst(o) {
  const { pair, subject } = o;
  const argv = ['netns', 'exec', pair.rx.ns, 'taskset', '-c', String(o.cores.subject)];
  const child = spawn('ip', [...argv, ...subject.command(pair.rx.dev)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  try {
    await waitReady(child, exited, () => subject.isReady(out, err), subject.name, () => err);
    const pid = subjectPid(child.pid, subject);
    // Let startup work (JIT, lazy loading, GC) finish before the CPU clock starts.
    await sleep(300);
    const rx0 = rxPackets(pair.rx.ns, pair.rx.dev);
    const cpu0 = cpuSeconds(pid);
    const core0 = coreBusySeconds(o.cores.subject);
    const t0 = performance.now();
    const gen = await generate(o);
    const cpu1 = await waitDrained(pid, subject.minDrainMs ?? 0);
    const window = (performance.now() - t0) / 1000;
    // CPU time other processes took on the subject's core: a noisy neighbour skews the row.
    const others = (coreBusySeconds(o.cores.subject) - core0 - (cpu1 - cpu0)) / window;
    const rx1 = rxPackets(pair.rx.ns, pair.rx.dev);
    const rss = peakRssBytes(pid);
    child.kill('SIGINT');
    const end = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
    if (!end) throw new Error(`${subject.name} did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
    const captured = subject.parseCount(out, err);
    if (!Number.isFinite(captured)) {
      throw new Error(`${subject.name} printed no packet count: ${tail(out + err)}`);
    }
    const rx = rx1 - rx0;
    return {
      captured,
      cpuSeconds: cpu1 - cpu0,
      elapsed: gen.elapsed,
      others: Math.max(0, others),
      rss,
      rx,
      sent: gen.sent,
      timedOut: gen.timedOut,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    liveChildren.delete(child);
  }
}

async function waitReady(child, exited, ready, name, stderr) {
  let done = false;
  exited.then(() => (done = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!ready()) {
    if (done) throw new Error(`${name} exited before it was ready: ${tail(stderr())}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(20);
  }
}

// `ip netns exec` and `taskset` exec in place, so the child is normally the subject itself;
// follow /proc children in case a wrapper forked instead.
function subjectPid(pid, subject) {
  const want = subject.name === 'tcpdump' ? 'tcpdump' : 'node';
  let current = pid;
  for (let depth = 0; depth < 4; depth++) {
    if (processName(current) === want) return current;
    const kids = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim().split(/\s+/);
    if (!kids[0]) break;
    current = Number(kids[0]);
  }
  throw new Error(`cannot find the ${want} process under pid ${pid}`);
}

async function generate(o) {
  const args = ['netns', 'exec', o.pair.tx.ns, 'taskset', '-c', String(o.cores.generator), o.pktgen];
  args.push('--ifname', o.pair.tx.dev, '--count', String(o.count), '--pps', String(o.target));
  args.push('--flows', String(o.flows), '--max-seconds', String(o.maxSeconds));
  const { stdout } = await execFileAsync('ip', args, { timeout: (o.maxSeconds + 10) * 1000 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function waitDrained(pid, minDrainMs) {
  const start = Date.now();
  const deadline = start + MAX_DRAIN_MS;
  let last = cpuSeconds(pid);
  let idleSince = Date.now();
  while (Date.now() < deadline) {
    await sleep(50);
    const now = cpuSeconds(pid);
    if (now !== last) {
      last = now;
      idleSince = Date.now();
    } else if (Date.now() - idleSince >= IDLE_MS && Date.now() - start >= minDrainMs) break;
  }
  return last;
}

function tail(text) {
  return text.trim().split('\n').slice(-3).join(' | ') || '(no output)';
}
