// Child process for native-capture-veth.spec: runs a real NativeSource inside namespace A and
// answers JSON lines. stdin: `filter <bpf>` | `state` | `stats` | `stop`. Argv: device snaplen filter.
import { createInterface } from 'node:readline';
import { createLogger, errorMessage } from '../../src/common/logger';
import type { PacketBatch } from '../../src/capture/native-batch';
import { NativeSource } from '../../src/capture/native-source';

const [device, snapText, filter] = process.argv.slice(2);
const snapLength = Number(snapText);
const UDP_DST_PORT = 14 + 20 + 2;
const UDP_PAYLOAD = 14 + 20 + 8;

const summary = {
  batches: 0,
  caplenOverSnap: 0,
  caplens: {} as Record<number, number>,
  lastTsMs: 0,
  maxBatch: 0,
  minTsMs: Number.MAX_VALUE,
  origLenBelowCaplen: 0,
  origLens: {} as Record<number, number>,
  packets: 0,
  // Sequence numbers seen per UDP destination port.
  ports: {} as Record<number, number[]>,
  tsBackwards: 0,
};

function onBatch(b: PacketBatch): void {
  summary.batches++;
  summary.maxBatch = Math.max(summary.maxBatch, b.count);
  for (let i = 0; i < b.count; i++) {
    const at = b.offsets[i];
    const caplen = b.caplens[i];
    const ts = b.tsMs[i];
    summary.packets++;
    if (ts < summary.lastTsMs) summary.tsBackwards++;
    summary.lastTsMs = ts;
    summary.minTsMs = Math.min(summary.minTsMs, ts);
    if (caplen > snapLength) summary.caplenOverSnap++;
    if (b.origLens[i] < caplen) summary.origLenBelowCaplen++;
    summary.caplens[caplen] = (summary.caplens[caplen] ?? 0) + 1;
    summary.origLens[b.origLens[i]] = (summary.origLens[b.origLens[i]] ?? 0) + 1;
    // IPv4 (no options) + UDP only: the datagrams the spec sends.
    if (caplen >= UDP_PAYLOAD + 4 && b.buffer.readUInt16BE(at + 12) === 0x0800) {
      if (b.buffer[at + 23] === 17) {
        const port = b.buffer.readUInt16BE(at + UDP_DST_PORT);
        (summary.ports[port] ??= []).push(b.buffer.readUInt32BE(at + UDP_PAYLOAD));
      }
    }
  }
}

const source = new NativeSource({
  filter: filter === '-' ? null : filter,
  interface: device,
  listener: { onCaptureEnd: () => undefined, onCaptureStart: () => undefined },
  log: createLogger('error', () => undefined),
  onBatch,
  snapLength,
  timeoutMs: 20,
});
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

try {
  source.start();
  say({ event: 'ready', state: source.state });
} catch (e) {
  say({ error: errorMessage(e), event: 'failed' });
  process.exit(0);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.startsWith('filter ')) {
    try {
      source.setFilter(line.slice('filter '.length));
      say({ event: 'filter', ok: true, state: source.state });
    } catch (e) {
      say({ error: errorMessage(e), event: 'filter', ok: false, state: source.state });
    }
  } else if (line === 'state') {
    say({ event: 'state', state: source.state });
  } else if (line === 'stats') {
    say({ event: 'stats', drops: source.takeDrops(), stats: source.stats() });
  } else if (line === 'stop') {
    source.stop();
    say({ event: 'summary', state: source.state, summary });
    process.exit(0);
  }
});
