import type { Quality, StatsReport, TransportCounters } from '@nta/contracts';
import type { StatsPointWithAnalysis } from '../services/analysis-api';

const zero = () => ({ bytes: 0, packets: 0 });

/**
 * A stored second as a report for the live window: transports, applications and quality (the
 * history has no flows or talkers; those come as one block, see HostAnalysisStore.seedTop).
 */
export function reportFromPoint(agentId: string, point: StatsPointWithAnalysis): StatsReport {
  // Reports stored before the agent measured quality: say "unknown", not zero.
  const quality: Quality = point.quality ?? {
    captured: point.packets,
    coveragePct: null,
    drops: null,
    flowsActive: 0,
    flowsEvicted: 0,
    interfacePackets: null,
    linkTypes: {},
    publishLagMs: 0,
    queued: 0,
    tunnels: { gre: 0, vxlan: 0 },
    undecodable: point.undecodable,
    undecodableReasons: {},
  };
  return {
    agentId,
    applications: point.applications ?? {},
    direction: point.direction ?? { in: zero(), local: zero(), other: zero(), out: zero() },
    flows: [],
    flowsOther: zero(),
    interface: point.interface,
    intervalEnd: point.intervalEnd,
    intervalStart: point.intervalStart,
    names: {},
    quality,
    samples: [],
    seq: point.seq,
    talkers: { local: [], localOther: zero(), remote: [], remoteOther: zero() },
    totals: { bytes: point.bytes, packets: point.packets },
    transport: point.transport,
    undecodable: point.undecodable,
  };
}

export function zeroTransport(): TransportCounters {
  return {
    arp: zero(),
    esp: zero(),
    gre: zero(),
    icmp: zero(),
    icmpv6: zero(),
    other: zero(),
    sctp: zero(),
    tcp: zero(),
    udp: zero(),
  };
}

/** The report without its flows and talkers, for a second a merged block already counts. */
export function withoutTop(report: StatsReport): StatsReport {
  return {
    ...report,
    flows: [],
    flowsOther: zero(),
    talkers: { local: [], localOther: zero(), remote: [], remoteOther: zero() },
  };
}
