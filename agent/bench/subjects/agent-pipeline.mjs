// Bench subject "agent" (in-process harness): the built agent's capture → decode → aggregate
// pipeline and per-second report loop, wired as the agent runtime wires them, minus MQTT.
// Counts what the real per-second reports say.
// Usage: node agent-pipeline.mjs --interface IF   prints "ready", then on SIGINT
// {"captured":N,"reports":R}.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const iface = process.argv[process.argv.indexOf('--interface') + 1];
if (!process.argv.includes('--interface') || !iface) {
  process.stderr.write('usage: node agent-pipeline.mjs --interface IF\n');
  process.exit(2);
}

const { StatsAccumulator } = require(`${DIST}aggregate/stats-accumulator.js`);
const { CapSource, DEFAULT_CAPTURE_BUFFER_BYTES } = require(`${DIST}capture/cap-source.js`);
const { createPacketPipeline } = require(`${DIST}runtime/packet-pipeline.js`);
const { ReportLoop } = require(`${DIST}runtime/report-loop.js`);

let captured = 0;
let reports = 0;
let seq = 0;
const accumulator = new StatsAccumulator(Date.now());
const loop = new ReportLoop({
  accumulator,
  agentId: 'bench',
  emit: (report) => {
    reports++;
    captured += report.totals.packets;
  },
  nextSeq: () => ++seq,
});
const silent = { debug() {}, error() {}, info() {}, warn() {} };
const source = new CapSource({
  bufferSize: DEFAULT_CAPTURE_BUFFER_BYTES,
  filter: null,
  interface: iface,
  listener: loop,
  log: silent,
  onPacket: createPacketPipeline(accumulator),
});
source.start();
process.stdout.write('ready\n');

process.on('SIGINT', () => {
  // stop() reports the partial second, so every captured packet is in some report.
  source.stop();
  process.stdout.write(`${JSON.stringify({ captured, reports })}\n`);
  process.exit(0);
});
