// Capture benchmark: tcpdump (libpcap C baseline), bare-cap (the agent's `cap` source counting
// only) and the agent (capture + decode + aggregate) on one veth pair at rising packet rates.
// Run as root: `npm run bench:agent` (`-- --quick` for a short run). See README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveChildren, runBurst } from './lib/burst.mjs';
import { createVethPair, firstLine } from './lib/netns.mjs';
import { formatRow, summarize, table } from './lib/report.mjs';
import { startBroker } from './lib/broker.mjs';
import {
  AGENT,
  AGENT_CAP,
  AGENT_NODE_FLAGS,
  agentProblem,
  agentRun,
  BARE_CAP,
  TCPDUMP,
} from './lib/subjects.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const FULL = { rates: [100e3, 200e3, 400e3, 700e3, 1e6, 1.4e6, 0], seconds: 3 };
const QUICK = { rates: [100e3, 400e3, 1e6, 0], seconds: 1 };
const FLOWS = 4096;
const SUBJECTS = ['tcpdump', 'bare-cap', 'agent-cap', 'agent', 'agent-run'];
const USAGE = `usage: npm run bench:agent -- [--quick] [--no-build] [--subjects tcpdump,bare-cap,agent-cap,agent,agent-run]
                           [--rates 100000,400000,0] [--seconds S] [--no-micro]
                           [--warmup S] [--node-flags "--flag1 --flag2"]
  (0 = as fast as the generator can send; run as root: it creates network namespaces)`;

function parseArgs(argv) {
  const o = { build: true, micro: true, quick: false, subjects: [...SUBJECTS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) fail(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-micro') o.micro = false;
    else if (a === '--subjects') o.subjects = value().split(',');
    else if (a === '--rates') o.rates = value().split(',').map(Number);
    else if (a === '--seconds') o.seconds = Number(value());
    else if (a === '--warmup') o.warmupSeconds = Number(value());
    // Experiments with other V8 flags than the agent's own (AGENT_NODE_FLAGS).
    else if (a === '--node-flags') o.nodeFlags = value().split(/\s+/).filter(Boolean);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${a}\n${USAGE}`);
  }
  const preset = o.quick ? QUICK : FULL;
  o.rates ??= preset.rates;
  o.seconds ??= preset.seconds;
  if (o.rates.some((r) => !Number.isFinite(r) || r < 0)) fail('--rates takes packets/s, 0 for max');
  if (!(o.seconds > 0 && o.seconds <= 30)) fail('--seconds must be in (0, 30]');
  o.warmupSeconds ??= 5;
  if (!(o.warmupSeconds > 0 && o.warmupSeconds <= 60)) fail('--warmup must be in (0, 60]');
  const bad = o.subjects.find((s) => !SUBJECTS.includes(s));
  if (bad) fail(`unknown subject ${bad} (known: ${SUBJECTS.join(', ')})`);
  return o;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
}

function machine() {
  const tcpdump = which('tcpdump')
    ? spawnSync('tcpdump', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]
    : 'not installed';
  return [
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), kernel ${release()}, node ${process.version}`,
    `baseline: ${tcpdump}`,
  ].join('\n');
}

const opts = parseArgs(process.argv.slice(2));
if (opts.nodeFlags) AGENT_NODE_FLAGS.splice(0, AGENT_NODE_FLAGS.length, ...opts.nodeFlags);
if (process.platform !== 'linux') fail('the capture bench needs Linux (network namespaces, /proc)');
if (process.getuid?.() !== 0) {
  fail(
    'run as root: the bench creates network namespaces and a veth pair (sudo npm run bench:agent)',
  );
}
for (const cmd of ['ip', 'taskset', 'cc']) {
  if (!which(cmd)) fail(`${cmd} not found: install iproute2, util-linux and a C compiler (gcc)`);
}
const cores = cpus().length >= 2 ? { generator: 0, subject: 1 } : null;
if (!cores) fail('the bench needs 2 CPUs: generator and capture are pinned to different cores');

const work = mkdtempSync(join(tmpdir(), 'nta-bench-'));
let pair = null;
function cleanup() {
  for (const child of liveChildren) child.kill('SIGKILL');
  pair?.destroy();
  rmSync(work, { force: true, recursive: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    process.stderr.write(`\nbench: ${sig}, cleaning up\n`);
    cleanup();
    process.exit(130);
  });
}

function step(cmd, args, what) {
  process.stdout.write(`$ ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) {
    const detail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-5).join('\n  ');
    return `${what} failed (exit ${r.status}):\n  ${detail}`;
  }
  return null;
}

async function main() {
  process.stdout.write(`${machine()}\n\n`);
  const subjects = [];
  if (opts.build && opts.subjects.some((s) => s !== 'tcpdump')) {
    const error = step('npx', ['nx', 'build', 'agent', '--skip-nx-cache'], 'agent build');
    if (error) fail(`${error}\nfix the build or rerun with --no-build to use agent/dist as it is`);
  }
  const pktgen = join(work, 'pktgen');
  const ccError = step('cc', ['-O2', '-o', pktgen, here('gen/pktgen.c')], 'compiling pktgen');
  if (ccError) fail(ccError);

  for (const name of opts.subjects) {
    if (name === 'tcpdump') {
      if (which('tcpdump')) subjects.push(TCPDUMP);
      else
        process.stdout.write('tcpdump not installed: baseline skipped (apt-get install tcpdump)\n');
    } else if (name === 'bare-cap') subjects.push(BARE_CAP);
    else {
      const problem = agentProblem(name === 'agent-cap');
      if (problem) fail(`${problem} (or drop --no-build)`);
      // agent-run needs the veth pair's namespace for its broker: added below.
      if (name !== 'agent-run') subjects.push(name === 'agent' ? AGENT : AGENT_CAP);
    }
  }

  let micro = null;
  if (opts.micro && opts.subjects.some((s) => s.startsWith('agent'))) {
    const frames = join(work, 'frames.pcap');
    execFileSync(pktgen, ['--pcap', frames, '--flows', String(FLOWS)]);
    const args = [here('micro.mjs'), '--pcap', frames, ...(opts.quick ? ['--quick'] : [])];
    process.stdout.write(`$ taskset -c ${cores.subject} node ${args.join(' ')}\n`);
    const out = execFileSync('taskset', ['-c', String(cores.subject), process.execPath, ...args], {
      encoding: 'utf8',
    });
    micro = out.trim();
  }

  pair = createVethPair();
  for (const note of pair.notes) process.stdout.write(`note: ${note}\n`);
  if (opts.subjects.includes('agent-run')) {
    // In the capture's namespace (the agent reaches it over that loopback, never over the
    // captured veth), on the generator's core: the console's work is not the agent's cost.
    const broker = await startBroker(pair.rx.ns, cores.generator);
    process.stdout.write(
      `broker: aedes on 127.0.0.1:${broker.port} in ${pair.rx.ns} (CPU ${cores.generator}), acking every report\n`,
    );
    subjects.push(agentRun(broker, join(work, 'state')));
  }
  process.stdout.write(
    `\nveth ${pair.tx.dev} (netns ${pair.tx.ns}, generator on CPU ${cores.generator}) → ` +
      `${pair.rx.dev} (netns ${pair.rx.ns}, capture on CPU ${cores.subject})\n` +
      `generator: ${pktgen} --ifname ${pair.tx.dev} --count N --pps R --flows ${FLOWS} ` +
      `(${opts.seconds} s bursts of 64-100 byte frames, each after a ${opts.warmupSeconds} s warm-up at 20k/s)\n` +
      `subjects: ${subjects.map((s) => `${s.name}: ${s.command(pair.rx.dev).join(' ').replace(ROOT, '')}`).join('\n          ')}\n`,
  );
  process.stdout.write('\n');

  const results = new Map(subjects.map((s) => [s.name, []]));
  const rows = [];
  // Subjects take turns at each rate, so background noise spreads over all of them.
  for (const target of opts.rates) {
    for (const subject of subjects) {
      const count = target > 0 ? Math.round(target * opts.seconds) : 50_000_000;
      // A paced burst the generator cannot keep up with ends at its deadline.
      const maxSeconds = target > 0 ? opts.seconds * 1.5 + 0.5 : opts.seconds;
      let r;
      try {
        r = await runBurst({
          cores,
          count,
          flows: FLOWS,
          maxSeconds,
          pair,
          pktgen,
          subject,
          target,
          warmupSeconds: opts.warmupSeconds,
        });
      } catch (e) {
        r = { error: firstLine(e) };
      }
      results.get(subject.name).push({ r, target });
      const row = formatRow(target, subject.name, r);
      rows.push(row);
      process.stdout.write(`  ${row.join('  ')}\n`);
    }
  }
  const notes = [...results].flatMap(([name, runs]) => {
    const note = runs.find(({ r }) => r.note)?.r.note;
    return note ? [`${name}: ${note}`] : [];
  });
  process.stdout.write(`\n${table(rows)}\n${notes.join('\n')}\n\n${summarize(results)}\n`);
  if (micro) process.stdout.write(`\n${micro}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
