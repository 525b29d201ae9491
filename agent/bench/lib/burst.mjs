// One measurement: start a subject in the receiving namespace, warm it up with a small burst,
// send one bounded burst from the sending namespace, wait until the subject has drained its
// buffer, read its count, stop it.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { rxPackets } from './netns.mjs';
import { coreBusySeconds, cpuSeconds, peakRssBytes, processName } from './proc-stats.mjs';

const execFileAsync = promisify(execFile);
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
// After a burst the subject is drained once it used under IDLE_SHARE of a core for IDLE_MS.
const IDLE_MS = 300;
const IDLE_SHARE = 0.03;
const MAX_DRAIN_MS = 5_000;
// A first burst gets JIT compilation and lazy allocation out of the measured one. It lasts
// `warmupSeconds` (default 5): the per-packet path is compiled within the first 50k packets,
// but the once-a-second report code (flows, talkers, JSON, outbox) is compiled by V8 only
// after a few reports; an agent runs for days, so the measured burst should not pay for that.
const WARMUP_PPS = 20_000;

// Every process the bench started and has not reaped, so exit handlers can end them.
export const liveChildren = new Set();

/**
 * @param {object} o pair, subject, cores {generator, subject}, pktgen (path), target (pps, 0 = max),
 *   count (frames), maxSeconds, flows, warmupSeconds
 */
export async function runBurst(o) {
  const { pair, subject } = o;
  const argv = ['netns', 'exec', pair.rx.ns, 'taskset', '-c', String(o.cores.subject)];
  const command = subject.command(pair.rx.dev);
  const child = spawn('ip', [...argv, ...command], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let alive = true;
  exited.then(() => (alive = false));
  const ctx = { command, err: () => err, out: () => out, signal: () => undefined };
  try {
    await waitReady(
      () => alive,
      () => subject.isReady(ctx),
      subject.name,
      () => err,
    );
    const pid = subjectPid(child.pid, subject.process);
    ctx.signal = (sig) => process.kill(pid, sig);
    const warmup = o.warmupSeconds ?? 5;
    await generate(o, Math.max(1, Math.round(warmup * WARMUP_PPS)), WARMUP_PPS, warmup + 5);
    await waitDrained(pid, subject.minDrainMs ?? 0);
    const base = await subject.captured(ctx);

    const rx0 = rxPackets(pair.rx.ns, pair.rx.dev);
    const cpu0 = cpuSeconds(pid);
    const core0 = coreBusySeconds(o.cores.subject);
    const t0 = performance.now();
    const gen = await generate(o, o.count, o.target, o.maxSeconds);
    const cpu1 = await waitDrained(pid, subject.minDrainMs ?? 0);
    const window = (performance.now() - t0) / 1000;
    // CPU time other processes took on the subject's core: a noisy neighbour skews the row.
    const others = (coreBusySeconds(o.cores.subject) - core0 - (cpu1 - cpu0)) / window;
    const rx1 = rxPackets(pair.rx.ns, pair.rx.dev);
    const rss = peakRssBytes(pid);
    const captured = (await subject.captured(ctx)) - base;
    if (!alive) throw new Error(`${subject.name} ended during the burst: ${tail(err)}`);
    return {
      captured,
      note: subject.note?.(ctx) ?? null,
      cpuSeconds: cpu1 - cpu0,
      elapsed: gen.elapsed,
      others: Math.max(0, others),
      rss,
      rx: rx1 - rx0,
      sent: gen.sent,
      timedOut: gen.timedOut,
    };
  } finally {
    if (alive) child.kill('SIGINT');
    const end = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
    if (!end) {
      child.kill('SIGKILL');
      await exited;
    }
    liveChildren.delete(child);
  }
}

async function waitReady(alive, ready, name, stderr) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!ready()) {
    if (!alive()) throw new Error(`${name} exited before it was ready: ${tail(stderr())}`);
    if (Date.now() > deadline)
      throw new Error(`${name} not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(20);
  }
}

// `ip netns exec` and `taskset` exec in place, so the child is normally the subject itself;
// follow /proc children in case a wrapper forked instead.
function subjectPid(pid, name) {
  let current = pid;
  for (let depth = 0; depth < 4; depth++) {
    if (processName(current) === name) return current;
    const kids = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8')
      .trim()
      .split(/\s+/);
    if (!kids[0]) break;
    current = Number(kids[0]);
  }
  throw new Error(`cannot find the ${name} process under pid ${pid}`);
}

async function generate(o, count, pps, maxSeconds) {
  const args = ['netns', 'exec', o.pair.tx.ns, 'taskset', '-c', String(o.cores.generator)];
  args.push(o.pktgen);
  args.push('--ifname', o.pair.tx.dev, '--count', String(count), '--pps', String(pps));
  args.push('--flows', String(o.flows), '--max-seconds', String(maxSeconds));
  const run = execFileAsync('ip', args, { timeout: (maxSeconds + 10) * 1000 });
  liveChildren.add(run.child);
  let stdout;
  try {
    ({ stdout } = await run);
  } finally {
    liveChildren.delete(run.child);
  }
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function waitDrained(pid, minDrainMs) {
  const start = Date.now();
  const samples = [{ at: start, cpu: cpuSeconds(pid) }];
  while (Date.now() - start < MAX_DRAIN_MS) {
    await sleep(50);
    const now = { at: Date.now(), cpu: cpuSeconds(pid) };
    samples.push(now);
    const from = samples.find((x) => now.at - x.at <= IDLE_MS + 25);
    const idle =
      now.at - samples[0].at >= IDLE_MS &&
      now.cpu - from.cpu < (IDLE_SHARE * (now.at - from.at)) / 1000;
    if (idle && now.at - start >= minDrainMs) break;
  }
  return samples[samples.length - 1].cpu;
}

function tail(text) {
  return text.trim().split('\n').slice(-3).join(' | ') || '(no output)';
}
