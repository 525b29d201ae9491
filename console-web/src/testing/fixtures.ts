import type {
  FlowRow,
  HostSummary,
  Page,
  StatsReport,
  TalkerRow,
  TransportCounters,
} from '@nta/contracts';
// Value import from the main entry is fine here: specs and fixtures are not in the app bundle.
import { emptyStatsReport, emptyTransportCounters } from '@nta/contracts';

export function transport(overrides: Partial<TransportCounters> = {}): TransportCounters {
  return { ...emptyTransportCounters(), ...overrides };
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

/** One page holding every item, as GET list routes answer. */
export function page<T>(items: T[]): Page<T> {
  return { items, limit: 500, offset: 0, total: items.length };
}

export function report(seq: number, intervalEnd: number, packets = 10, bytes = 1000): StatsReport {
  const base = emptyStatsReport({
    agentId: 'agent-1',
    interface: 'eth0',
    intervalEnd,
    intervalStart: intervalEnd - 1000,
    seq,
  });
  return {
    ...base,
    quality: { ...base.quality, captured: packets },
    totals: { bytes, packets },
    transport: transport({ tcp: { bytes, packets } }),
  };
}

export function flow(overrides: Partial<FlowRow> = {}): FlowRow {
  return {
    a: '10.0.0.5',
    aPort: 40000,
    application: 'tls',
    b: '93.184.216.34',
    bPort: 443,
    bytesAtoB: 100,
    bytesBtoA: 1000,
    firstSeen: 1_700_000_000_000,
    lastSeen: 1_700_000_000_500,
    packetsAtoB: 1,
    packetsBtoA: 2,
    tcpFlags: 'A',
    transport: 'tcp',
    tunnel: null,
    ...overrides,
  };
}

export function talker(address: string, overrides: Partial<TalkerRow> = {}): TalkerRow {
  return {
    address,
    bytesIn: 0,
    bytesOut: 0,
    name: null,
    packetsIn: 0,
    packetsOut: 0,
    ...overrides,
  };
}
