// Child process for the veth spec, run inside a namespace with `ip netns exec`: captures on one
// interface with the real CapSource → decode → aggregate pipeline, listens on UDP/TCP so the
// peer's traffic is accepted, and on "stop" (stdin) prints the summed reports as JSON.
import type { StatsReport } from '@nta/contracts';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { StatsAccumulator } from '../../../src/aggregate/stats-accumulator';
import { CapSource, DEFAULT_CAPTURE_BUFFER_BYTES } from '../../../src/capture/cap-source';
import { createLogger } from '../../../src/common/logger';
import { createPacketPipeline } from '../../../src/runtime/packet-pipeline';
import { ReportLoop } from '../../../src/runtime/report-loop';

const [iface, udpPort, tcpPort] = process.argv.slice(2);
const reports: StatsReport[] = [];
const accumulator = new StatsAccumulator(Date.now());
let seq = 0;
const loop = new ReportLoop({
  accumulator,
  agentId: 'probe',
  emit: (r) => reports.push(r),
  nextSeq: () => seq++,
});
const source = new CapSource({
  bufferSize: DEFAULT_CAPTURE_BUFFER_BYTES,
  filter: null,
  interface: iface,
  listener: loop,
  log: createLogger('warn'),
  onPacket: createPacketPipeline(accumulator),
});
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
