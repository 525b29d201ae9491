// Quick figure, not a test: capture rate and CPU of the native addon on a veth between two fresh
// namespaces, flooded by agent/bench/gen/pktgen.c for a few seconds, with tcpdump on the same
// traffic as the baseline. Noisy on a shared machine.
//   node agent/native/bench/capture-rate.mjs [--seconds 4] [--snaplen 256] [--pps 0] [--immediate]
// (--immediate with --snaplen 65535 reproduces cap's settings on the native path.)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const PKTGEN_SRC = join(REPO, 'agent/bench/gen/pktgen.c');
const TICKS = 100; // USER_HZ of /proc/<pid>/stat

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

if (process.argv[2] === '--child') {
  const [device, seconds, snaplen, immediate] = process.argv.slice(3);
  await child(device, Number(seconds), Number(snaplen), immediate === '1');
} else {
  await main();
}

// Runs inside namespace A: captures until `seconds` after the first batch, prints one JSON line.
async function child(device, seconds, snaplen, immediate) {
  const addon = createRequire(import.meta.url)(resolve(HERE, '..'));
  const h = addon.openLive({ bufferSize: 64 << 20, device, immediate, snaplen });
  let packets = 0;
  let batches = 0;
  let touched = 0;
  let t0 = 0;
  let cpu0 = null;
  const { data, offsets, caplens } = h;
  const buf = Buffer.from(data);
  h.start(
    (n) => {
      if (cpu0 === null) {
        cpu0 = process.cpuUsage();
        t0 = performance.now();
        setTimeout(finish, seconds * 1000);
      }
      batches++;
      packets += n;
      // Read a header byte of every packet, as a decoder would.
      for (let i = 0; i < n; i++) if (caplens[i] > 23) touched += buf[offsets[i] + 23];
    },
    (e) => console.error(`capture ended: ${e?.message}`),
  );
  console.log(JSON.stringify({ ready: true }));
  function finish() {
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const stats = h.stats();
    h.close();
    console.log(
      JSON.stringify({
        batches,
        cpuPct: ((cpu.user + cpu.system) / 1e6 / wall) * 100,
        packets,
        pps: packets / wall,
        stats,
        touched: touched > 0,
        wall,
      }),
    );
    process.exit(0);
  }
}

function ip(...args) {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function lines(proc, onLine) {
  let rest = '';
  proc.stdout.on('data', (c) => {
    rest += c;
    let nl;
    while ((nl = rest.indexOf('\n')) >= 0) {
      onLine(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
  });
}

function generate(ns, dev, seconds, pps, pktgen) {
  const args = ['netns', 'exec', ns, 'taskset', '-c', '0', pktgen, '--ifname', dev];
  args.push('--count', '1000000000', '--pps', String(pps), '--max-seconds', String(seconds));
  return JSON.parse(execFileSync('ip', args).toString().trim());
}

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function runNative(pair, seconds, snaplen, pps, pktgen, immediate) {
  const script = fileURLToPath(import.meta.url);
  const args = ['netns', 'exec', pair.a.ns, 'taskset', '-c', '1', process.execPath, script];
  const childArgs = [
    '--child',
    pair.a.dev,
    String(seconds),
    String(snaplen),
    immediate ? '1' : '0',
  ];
  const proc = spawn('ip', [...args, ...childArgs]);
  proc.stderr.pipe(process.stderr);
  const results = [];
  let ready;
  const isReady = new Promise((r) => (ready = r));
  lines(proc, (l) => (JSON.parse(l).ready ? ready() : results.push(JSON.parse(l))));
  await isReady;
  const gen = generate(pair.b.ns, pair.b.dev, seconds + 1, pps, pktgen);
  await new Promise((r) => proc.on('exit', r));
  return { capture: results[0], gen };
}

async function runTcpdump(pair, seconds, snaplen, pps, pktgen) {
  const args = ['netns', 'exec', pair.a.ns, 'taskset', '-c', '1', 'tcpdump', '-i', pair.a.dev];
  args.push('-s', String(snaplen), '-B', String(64 * 1024), '-w', '/dev/null', '-nn');
  const proc = spawn('ip', args);
  let err = '';
  proc.stderr.on('data', (c) => (err += c));
  while (!/listening on/.test(err)) await new Promise((r) => setTimeout(r, 20));
  const ticks0 = cpuTicks(proc.pid);
  const t0 = performance.now();
  const gen = generate(pair.b.ns, pair.b.dev, seconds, pps, pktgen);
  const wall = (performance.now() - t0) / 1000;
  const ticks = cpuTicks(proc.pid) - ticks0;
  proc.kill('SIGINT');
  await new Promise((r) => proc.on('exit', r));
  const packets = Number(/(\d+) packets captured/.exec(err)?.[1] ?? NaN);
  const dropped = Number(/(\d+) packets dropped by kernel/.exec(err)?.[1] ?? NaN);
  return {
    capture: { cpuPct: (ticks / TICKS / wall) * 100, dropped, packets, pps: packets / wall, wall },
    gen,
  };
}

async function main() {
  const seconds = Number(arg('seconds', '4'));
  const snaplen = Number(arg('snaplen', '256'));
  const pps = Number(arg('pps', '0'));
  const immediate = process.argv.includes('--immediate');
  if (!existsSync(PKTGEN_SRC)) throw new Error(`${PKTGEN_SRC} is missing (the bench generator)`);
  const work = mkdtempSync(join(tmpdir(), 'nta-native-bench-'));
  const pktgen = join(work, 'pktgen');
  execFileSync('cc', ['-O2', '-o', pktgen, PKTGEN_SRC]);
  const tag = randomBytes(3).toString('hex');
  const pair = {
    a: { dev: `ntr${tag}a`, ns: `nta-nbench-${tag}-a` },
    b: { dev: `ntr${tag}b`, ns: `nta-nbench-${tag}-b` },
  };
  try {
    ip('netns', 'add', pair.a.ns);
    ip('netns', 'add', pair.b.ns);
    ip(
      'link',
      'add',
      pair.a.dev,
      'netns',
      pair.a.ns,
      'type',
      'veth',
      'peer',
      'name',
      pair.b.dev,
      'netns',
      pair.b.ns,
    );
    for (const end of [pair.a, pair.b]) ip('-n', end.ns, 'link', 'set', end.dev, 'up');
    const native = await runNative(pair, seconds, snaplen, pps, pktgen, immediate);
    const tcpdump = await runTcpdump(pair, seconds, snaplen, pps, pktgen);
    const n = native.capture;
    const t = tcpdump.capture;
    const fmt = (v) => Math.round(v).toLocaleString('en');
    const mode = immediate ? 'immediate mode' : 'buffered (TPACKET_V3)';
    console.log(
      `snaplen ${snaplen}, ${mode}, ${seconds} s, generator on core 0, capture on core 1`,
    );
    console.log(
      `native : generator ${fmt(native.gen.pps)} pkt/s, captured ${fmt(n.pps)} pkt/s at ${n.cpuPct.toFixed(1)} % CPU,` +
        ` ${fmt(n.packets / n.batches)} pkt/batch, kernel drops ${n.stats.dropped} of ${n.stats.received}`,
    );
    console.log(
      `tcpdump: generator ${fmt(tcpdump.gen.pps)} pkt/s, captured ${fmt(t.pps)} pkt/s at ${t.cpuPct.toFixed(1)} % CPU,` +
        ` kernel drops ${t.dropped}`,
    );
    console.log(
      `ratio native/tcpdump: rate ${(n.pps / t.pps).toFixed(2)}, CPU per packet ` +
        `${(n.cpuPct / n.pps / (t.cpuPct / t.pps)).toFixed(2)}`,
    );
  } finally {
    for (const ns of [pair.a.ns, pair.b.ns]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // never created
      }
    }
    rmSync(work, { force: true, recursive: true });
  }
}
