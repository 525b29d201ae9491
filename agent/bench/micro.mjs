// Offline microbench: the built agent's per-packet path (decode + aggregate, with a report flush
// every FLUSH_EVERY packets like one second of traffic) against a bare counting callback, over
// the generator's frames held in memory. Independent of the network, so the figures are stable.
// Usage: node micro.mjs --pcap FILE [--quick] [--json]   (FILE from `pktgen --pcap FILE`)
import { readFileSync } from 'node:fs';
import { agentModule, defaultConfig } from './lib/agent-dist.mjs';

const LINKTYPE_ETHERNET = 1;
const FLUSH_EVERY = 500_000;
const GOAL_NS = 100;

const argv = process.argv.slice(2);
const pcapPath = argv[argv.indexOf('--pcap') + 1];
if (!argv.includes('--pcap') || !pcapPath) {
  process.stderr.write('usage: node micro.mjs --pcap FILE [--quick] [--json]\n');
  process.exit(2);
}
const quick = argv.includes('--quick');
const PACKETS = quick ? 1_000_000 : 3_000_000;
const ROUNDS = quick ? 3 : 7;

// Classic little-endian pcap as pktgen writes it: 24-byte header, 16-byte record headers.
function readFrames(path) {
  const file = readFileSync(path);
  if (file.readUInt32LE(0) !== 0xa1b2c3d4) throw new Error(`${path}: not a little-endian pcap`);
  const frames = [];
  for (let at = 24; at + 16 <= file.length;) {
    const caplen = file.readUInt32LE(at + 8);
    frames.push(file.subarray(at + 16, at + 16 + caplen));
    at += 16 + caplen;
  }
  return frames;
}

function agentSink(clock) {
  const { createAccumulator } = agentModule('runtime/create-accumulator');
  const { createPacketPipeline } = agentModule('runtime/packet-pipeline');
  // The analysis configured as `watch` runs it with no options: the agent's own defaults.
  const accumulator = createAccumulator(defaultConfig('bench0'), clock.now);
  let seq = 0;
  let reported = 0;
  const flush = () => {
    const report = accumulator.flush({
      agentId: 'bench',
      interface: 'bench0',
      interfacePackets: null,
      intervalEnd: clock.now,
      seq: ++seq,
    });
    reported += report.totals.packets;
    return reported;
  };
  return { flush, sink: createPacketPipeline(accumulator, () => clock.now) };
}

function bareSink() {
  let count = 0;
  return {
    flush: () => count,
    sink: () => {
      count++;
    },
  };
}

// Same loop for both, calling the sink the way the capture source does: (buffer, caplen, link).
// Simulated time runs at FLUSH_EVERY packets per second (flow expiry, report intervals).
function round({ flush, sink }, frames, clock) {
  const n = frames.length;
  const perMs = FLUSH_EVERY / 1000;
  const start = process.hrtime.bigint();
  for (let i = 0, f = 0; i < PACKETS; i++) {
    const frame = frames[f];
    sink(frame, frame.length, LINKTYPE_ETHERNET);
    if (++f === n) f = 0;
    if (i % perMs === perMs - 1) clock.now++;
    if (i % FLUSH_EVERY === FLUSH_EVERY - 1) flush();
  }
  return Number(process.hrtime.bigint() - start) / PACKETS;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const frames = readFrames(pcapPath);
const clock = { now: Date.now() };
const subjects = { agent: agentSink(clock), bare: bareSink() };
const times = { agent: [], bare: [] };
// One warm-up round each so both are measured optimised; then interleaved rounds.
round(subjects.bare, frames, clock);
round(subjects.agent, frames, clock);
for (let r = 0; r < ROUNDS; r++) {
  times.bare.push(round(subjects.bare, frames, clock));
  times.agent.push(round(subjects.agent, frames, clock));
}
// Both must have seen every packet, or the figures measure a broken path.
const expected = (ROUNDS + 1) * PACKETS;
for (const [name, subject] of Object.entries(subjects)) {
  const seen = subject.flush();
  if (seen !== expected) {
    process.stderr.write(`micro: ${name} accounted ${seen} packets, expected ${expected}\n`);
    process.exit(1);
  }
}
const bare = median(times.bare);
const agent = median(times.agent);
const result = {
  agentNs: agent,
  bareNs: bare,
  diffNs: agent - bare,
  frames: frames.length,
  packets: PACKETS,
  rounds: ROUNDS,
};
if (argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const lines = [
    `offline microbench: ${frames.length} distinct frames (64-100 bytes), ${PACKETS.toLocaleString('en')} packets per round, median of ${ROUNDS} rounds`,
    `  bare counting callback    ${bare.toFixed(1)} ns/packet`,
    `  agent decode + aggregate  ${agent.toFixed(1)} ns/packet`,
    `  difference                ${(agent - bare).toFixed(1)} ns/packet: ${agent - bare <= GOAL_NS ? 'within' : 'OVER'} the ${GOAL_NS} ns goal`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
