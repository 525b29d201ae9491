import type { Counters, FlowRow, StatsReport } from '@nta/contracts';
import { addInto, zero } from './counters';

export interface FlowView {
  // Outer flows past the shown rows, plus what the agent already folded into flowsOther.
  others: Counters;
  rows: FlowRow[];
  // Every IP packet in the window: outer flows + flowsOther (tunnel inner flows counted once).
  total: Counters;
}

const FLAG_ORDER = 'FSRPAUEC';

export function flowBytes(flow: FlowRow): number {
  return flow.bytesAtoB + flow.bytesBtoA;
}

export function flowPackets(flow: FlowRow): number {
  return flow.packetsAtoB + flow.packetsBtoA;
}

function endpoint(address: string, port: number | null): string {
  return `${address}|${port ?? ''}`;
}

// Side a is whoever sent first in each interval, so the same flow can come back flipped.
function flowKey(flow: FlowRow): { key: string; flipped: boolean } {
  const a = endpoint(flow.a, flow.aPort);
  const b = endpoint(flow.b, flow.bPort);
  const flipped = b < a;
  const [lo, hi] = flipped ? [b, a] : [a, b];
  return { flipped, key: `${flow.transport}|${flow.tunnel ?? ''}|${lo}|${hi}` };
}

function mergeFlags(a: string, b: string): string {
  return [...FLAG_ORDER].filter((flag) => a.includes(flag) || b.includes(flag)).join('');
}

function swapSides(flow: FlowRow): FlowRow {
  return {
    ...flow,
    a: flow.b,
    aPort: flow.bPort,
    b: flow.a,
    bPort: flow.aPort,
    bytesAtoB: flow.bytesBtoA,
    bytesBtoA: flow.bytesAtoB,
    packetsAtoB: flow.packetsBtoA,
    packetsBtoA: flow.packetsAtoB,
  };
}

/** Merges the window's flows (same five-tuple either way round), busiest `limit` first. */
export function mergeFlows(reports: readonly StatsReport[], limit: number): FlowView {
  const merged = new Map<string, { flipped: boolean; flow: FlowRow }>();
  const total = zero();
  for (const report of reports) {
    addInto(total, report.flowsOther);
    for (const flow of report.flows) {
      if (!flow.tunnel) addInto(total, { bytes: flowBytes(flow), packets: flowPackets(flow) });
      const { flipped, key } = flowKey(flow);
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { flipped, flow: { ...flow } });
        continue;
      }
      const same = seen.flipped === flipped ? flow : swapSides(flow);
      const into = seen.flow;
      into.bytesAtoB += same.bytesAtoB;
      into.bytesBtoA += same.bytesBtoA;
      into.packetsAtoB += same.packetsAtoB;
      into.packetsBtoA += same.packetsBtoA;
      into.firstSeen = Math.min(into.firstSeen, same.firstSeen);
      into.lastSeen = Math.max(into.lastSeen, same.lastSeen);
      into.tcpFlags = mergeFlags(into.tcpFlags, same.tcpFlags);
      // The latest classification wins: later packets carry more evidence.
      if (same.application !== 'unknown') into.application = same.application;
    }
  }
  const rows = [...merged.values()]
    .map((entry) => entry.flow)
    .sort((a, b) => flowBytes(b) - flowBytes(a) || flowPackets(b) - flowPackets(a))
    .slice(0, limit);
  const others = { ...total };
  for (const row of rows) {
    if (row.tunnel) continue;
    others.bytes -= flowBytes(row);
    others.packets -= flowPackets(row);
  }
  return { others, rows, total };
}
