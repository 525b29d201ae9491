// Bench subject "bare-cap": the agent's capture source (same `cap` handle, buffer size and snap
// length) with a callback that only counts, the floor for any per-packet JavaScript.
// Usage: node bare-cap.mjs --interface IF   prints "ready", then {"captured":N} on SIGUSR2 and
// on SIGINT (which also ends it).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
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
const { CapSource, DEFAULT_CAPTURE_BUFFER_BYTES } = require(`${DIST}capture/cap-source.js`);
const source = new CapSource({
  bufferSize: DEFAULT_CAPTURE_BUFFER_BYTES,
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
