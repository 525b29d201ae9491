// Bench subject "bare-cap": the agent's `cap` capture source with the agent's default buffer size
// (and cap's fixed snap length) and a callback that only counts: the floor for per-packet JS.
// Usage: node bare-cap.mjs --interface IF   prints "ready", then {"captured":N} on SIGUSR2 and
// on SIGINT (which also ends it).
import { agentModule, defaultConfig } from '../lib/agent-dist.mjs';

const iface = process.argv[process.argv.indexOf('--interface') + 1];
if (!process.argv.includes('--interface') || !iface) {
  process.stderr.write('usage: node bare-cap.mjs --interface IF\n');
  process.exit(2);
}

let captured = 0;
const onPacket = () => {
  captured++;
};
const silent = { debug() {}, error() {}, info() {}, warn() {} };
const { CapSource, DEFAULT_CAPTURE_BUFFER_BYTES } = agentModule('capture/cap-source');
const { bufferMb } = defaultConfig(iface);
const source = new CapSource({
  bufferSize: bufferMb ? bufferMb * 1024 * 1024 : DEFAULT_CAPTURE_BUFFER_BYTES,
  filter: null,
  interface: iface,
  listener: { onCaptureEnd() {}, onCaptureStart() {} },
  log: silent,
  onPacket,
});
source.start();
process.stdout.write('ready\n');

const report = () => process.stdout.write(`${JSON.stringify({ captured })}\n`);
// SIGUSR2: Node keeps SIGUSR1 for its inspector.
process.on('SIGUSR2', report);
process.on('SIGINT', () => {
  source.stop();
  report();
  process.exit(0);
});
