// Child process for the veth spec, run inside a namespace with `ip netns exec`: captures on one
// interface with the chosen backend (cap | native) → decode → aggregate pipeline, listens on UDP/TCP so the
// peer's traffic is accepted, and on "stop" (stdin) prints the summed reports as JSON.
import type { StatsReport } from '@nta/contracts';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { StatsAccumulator } from '../../../src/aggregate/stats-accumulator';
import { createLogger } from '../../../src/common/logger';
import { type CaptureBackendName, createLiveCapture } from '../../../src/runtime/live-capture';
import { ReportLoop } from '../../../src/runtime/report-loop';

const [iface, udpPort, tcpPort, backend] = process.argv.slice(2);
const reports: StatsReport[] = [];
const accumulator = new StatsAccumulator(Date.now());
let seq = 0;
let takeDrops: () => number | null = () => null;
const loop = new ReportLoop({
  accumulator,
  agentId: 'probe',
  drops: () => takeDrops(),
  emit: (r) => reports.push(r),
  nextSeq: () => seq++,
});
const live = createLiveCapture({
  accumulator,
  filter: null,
  interface: iface,
  listener: loop,
  log: createLogger('warn'),
  settings: {
    bufferMb: 32,
    captureBackend: backend as CaptureBackendName,
    promisc: true,
    snapLength: 256,
  },
});
takeDrops = () => live.takeDrops();
const source = live.control;
const udp = createSocket('udp4');
const tcp = createServer((socket) => socket.resume());
udp.bind(Number(udpPort), () => {
  tcp.listen(Number(tcpPort), () => {
    source.start();
    process.stdout.write('ready\n');
  });
});
process.stdin.on('data', () => {
  source.stop();
  const sum = (pick: (r: StatsReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const summary = {
    backend: live.backend,
    drops: reports.map((r) => r.quality.drops),
    reports: reports.length,
    tcp: sum((r) => r.transport.tcp.packets),
    totals: sum((r) => r.totals.packets),
    udp: sum((r) => r.transport.udp.packets),
    udpBytes: sum((r) => r.transport.udp.bytes),
    icmp: sum((r) => r.transport.icmp.packets),
    arp: sum((r) => r.transport.arp.packets),
    undecodable: sum((r) => r.undecodable),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  udp.close();
  tcp.close();
  process.exit(0);
});
