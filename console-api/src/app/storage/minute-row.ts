import type { Counters, FlowRow, TalkerRow } from '@nta/contracts';

// The sums MinuteRollup keeps per (agent, interface, minute), and the row they become.

export const FLAG_ORDER = 'FSRPAUEC';

/** One 1-minute row as `rollupSql('1m')` writes it, ready for `MINUTE_ROWS_SQL`. */
export interface MinuteRow {
  agentId: string;
  applications: Record<string, Counters>;
  bytes: number;
  bytesIn: number;
  bytesOut: number;
  direction: Record<string, Counters>;
  flows: FlowRow[];
  flowsOther: Counters;
  interface: string;
  intervalStart: number;
  packets: number;
  quality: Record<string, unknown>;
  reports: number;
  seq: number;
  talkers: { local: TalkerRow[]; localOther: Counters; remote: TalkerRow[]; remoteOther: Counters };
  transport: Record<string, Counters>;
  undecodable: number;
}

export interface FlowSum extends FlowRow {
  // Letters of FLAG_ORDER seen, as bits; any other character, in order of first sight.
  flagBits: number;
  otherFlags: string;
}

export interface TalkerSum extends TalkerRow {
  // interval start and seq of the report the name came from
  nameAt: number;
  nameSeq: number;
}

export type Sums = Map<string, { bytes: number; packets: number }>;

export interface Minute {
  agentId: string;
  applications: Sums;
  bytes: number;
  bytesIn: number;
  bytesOut: number;
  direction: Sums;
  entries: number;
  flows: Map<string, FlowSum>;
  flowsOther: Counters;
  interface: string;
  intervalStart: number;
  links: Map<string, number>;
  local: Map<string, TalkerSum>;
  localOther: Counters;
  packets: number;
  q: QualitySums;
  reasons: Map<string, number>;
  remote: Map<string, TalkerSum>;
  remoteOther: Counters;
  reports: number;
  seq: number;
  transport: Sums;
  undecodable: number;
}

export interface QualitySums {
  active: number;
  captured: number;
  coverage: number;
  coverageN: number;
  drops: number | null;
  evicted: number;
  gre: number;
  interfacePackets: number | null;
  lag: number;
  queued: number;
  undecodable: number;
  vxlan: number;
}

/** A minute's sums as its row: topN flows and talkers each, the rest in the "other" counters. */
export function toRow(m: Minute, topN: number): MinuteRow {
  const flows = [...m.flows.values()].sort(byFlowRank);
  const flowsOther = { ...m.flowsOther };
  for (const f of flows.slice(topN)) {
    // Inner tunnel flows are already counted in their outer flow.
    if (f.tunnel !== null) continue;
    flowsOther.bytes += f.bytesAtoB + f.bytesBtoA;
    flowsOther.packets += f.packetsAtoB + f.packetsBtoA;
  }
  const local = topTalkers(m.local, topN, m.localOther);
  const remote = topTalkers(m.remote, topN, m.remoteOther);
  const q = m.q;
  return {
    agentId: m.agentId,
    applications: Object.fromEntries(m.applications),
    bytes: m.bytes,
    bytesIn: m.bytesIn,
    bytesOut: m.bytesOut,
    direction: Object.fromEntries(m.direction),
    flows: flows.slice(0, topN).map(flowRow),
    flowsOther,
    interface: m.interface,
    intervalStart: m.intervalStart,
    packets: m.packets,
    quality: {
      captured: q.captured,
      coveragePct: q.coverageN > 0 ? q.coverage / q.coverageN : null,
      drops: q.drops,
      flowsActive: q.active,
      flowsEvicted: q.evicted,
      interfacePackets: q.interfacePackets,
      linkTypes: Object.fromEntries(m.links),
      publishLagMs: q.lag,
      queued: q.queued,
      tunnels: { gre: q.gre, vxlan: q.vxlan },
      undecodable: q.undecodable,
      undecodableReasons: Object.fromEntries(m.reasons),
    },
    reports: m.reports,
    seq: m.seq,
    talkers: {
      local: local.top,
      localOther: local.other,
      remote: remote.top,
      remoteOther: remote.other,
    },
    transport: Object.fromEntries(m.transport),
    undecodable: m.undecodable,
  };
}

function topTalkers(
  all: Map<string, TalkerSum>,
  topN: number,
  other: Counters,
): { other: Counters; top: TalkerRow[] } {
  const ranked = [...all.values()].sort(
    (x, y) => y.bytesIn + y.bytesOut - (x.bytesIn + x.bytesOut) || cmp(x.address, y.address),
  );
  const sum = { ...other };
  for (const t of ranked.slice(topN)) {
    sum.bytes += t.bytesIn + t.bytesOut;
    sum.packets += t.packetsIn + t.packetsOut;
  }
  return {
    other: sum,
    top: ranked.slice(0, topN).map(({ nameAt: _at, nameSeq: _seq, ...t }) => t),
  };
}

// The SQL rollup's ORDER BY: bytes desc, then a, b, ports, transport, application, tunnel (text
// in the "C" collation; JSON null before any number or string, as jsonb orders them).
function byFlowRank(x: FlowSum, y: FlowSum): number {
  return (
    y.bytesAtoB + y.bytesBtoA - (x.bytesAtoB + x.bytesBtoA) ||
    cmp(x.a, y.a) ||
    cmp(x.b, y.b) ||
    cmpNullable(x.aPort, y.aPort) ||
    cmpNullable(x.bPort, y.bPort) ||
    cmp(x.transport, y.transport) ||
    cmp(x.application, y.application) ||
    cmpNullable(x.tunnel, y.tunnel)
  );
}

// Code-unit order, which is the "C" collation's byte order for everything outside the astral planes.
function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function cmpNullable<T extends string | number>(x: T | null, y: T | null): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return typeof x === 'number' ? x - (y as number) : cmp(x, y as string);
}

// As the SQL rollup spells them: other characters first, then FSRPAUEC in that order.
function flowRow(f: FlowSum): FlowRow {
  let tcpFlags = f.otherFlags;
  for (let bit = 0; bit < FLAG_ORDER.length; bit++) {
    if (f.flagBits & (1 << bit)) tcpFlags += FLAG_ORDER[bit];
  }
  return {
    a: f.a,
    aPort: f.aPort,
    application: f.application,
    b: f.b,
    bPort: f.bPort,
    bytesAtoB: f.bytesAtoB,
    bytesBtoA: f.bytesBtoA,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    packetsAtoB: f.packetsAtoB,
    packetsBtoA: f.packetsBtoA,
    tcpFlags,
    transport: f.transport,
    tunnel: f.tunnel,
  };
}
