import type { HostSummary, StatsReport, TransportCounters } from '@nta/contracts';

export function transport(overrides: Partial<TransportCounters> = {}): TransportCounters {
  return {
    arp: { bytes: 0, packets: 0 },
    icmp: { bytes: 0, packets: 0 },
    icmpv6: { bytes: 0, packets: 0 },
    other: { bytes: 0, packets: 0 },
    tcp: { bytes: 0, packets: 0 },
    udp: { bytes: 0, packets: 0 },
    ...overrides,
  };
}

export function host(overrides: Partial<HostSummary> = {}): HostSummary {
  return {
    capture: null,
    hostname: 'web-1',
    id: 'agent-1',
    lastSeen: 1_700_000_000_000,
    online: true,
    rate: { bytesPerSec: 0, packetsPerSec: 0 },
    version: '0.1.0',
    ...overrides,
  };
}

export function report(seq: number, intervalEnd: number, packets = 10, bytes = 1000): StatsReport {
  return {
    agentId: 'agent-1',
    interface: 'eth0',
    intervalEnd,
    intervalStart: intervalEnd - 1000,
    seq,
    totals: { bytes, packets },
    transport: transport({ tcp: { bytes, packets } }),
    undecodable: 0,
  };
}
