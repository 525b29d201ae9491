// A report of one second as the agent sends it (50 flows, 20 application rows), serialised once
// per agent with placeholders so publishing 2,000 of them a second costs string replaces only.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { APPLICATION_NAMES, emptyStatsReport } = require('@nta/contracts');

export const FLOWS = 50;
export const APPLICATIONS = 20;
const S = 1_111_111_111_111;
const E = 2_222_222_222_222;
const SEQ = 333_333_333;

export function reportTemplate(agentId) {
  const r = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: E,
    intervalStart: S,
    seq: SEQ,
  });
  r.flows = Array.from({ length: FLOWS }, (_, i) => ({
    a: '10.0.0.2',
    aPort: 40_000 + i,
    application: APPLICATION_NAMES[i % APPLICATIONS],
    b: `198.51.100.${i + 1}`,
    bPort: 443,
    bytesAtoB: 1000 + i * 10,
    bytesBtoA: 500 + i,
    firstSeen: S,
    lastSeen: E,
    packetsAtoB: 3,
    packetsBtoA: 2,
    tcpFlags: 'PA',
    transport: 'tcp',
    tunnel: null,
  }));
  const bytes = r.flows.reduce((t, f) => t + f.bytesAtoB + f.bytesBtoA, 0);
  r.totals = { bytes: bytes + 300, packets: FLOWS * 5 + 2 };
  r.flowsOther = { bytes: 300, packets: 2 };
  r.transport.tcp = { bytes, packets: FLOWS * 5 };
  r.transport.udp = { bytes: 300, packets: 2 };
  r.applications = Object.fromEntries(
    APPLICATION_NAMES.slice(0, APPLICATIONS).map((n, i) => [n, { bytes: 100 + i, packets: 1 }]),
  );
  r.direction.out = { bytes: bytes - 500 * FLOWS, packets: FLOWS * 3 };
  r.direction.in = { bytes: 500 * FLOWS + 300, packets: FLOWS * 2 + 2 };
  const talker = (address, i) => ({
    address,
    bytesIn: 500 + i,
    bytesOut: 1000 + i,
    name: null,
    packetsIn: 2,
    packetsOut: 3,
  });
  r.talkers = {
    local: [talker('10.0.0.2', 0)],
    localOther: { bytes: 0, packets: 0 },
    remote: r.flows.slice(0, 10).map((f, i) => talker(f.b, i)),
    remoteOther: { bytes: 0, packets: 0 },
  };
  r.quality = { ...r.quality, captured: r.totals.packets, coveragePct: 100, publishLagMs: 3 };
  const json = JSON.stringify(r);
  return {
    object: r,
    render: (seq, start) =>
      json
        .replaceAll(String(S), String(start))
        .replaceAll(String(E), String(start + 1000))
        .replace(String(SEQ), String(seq)),
  };
}
