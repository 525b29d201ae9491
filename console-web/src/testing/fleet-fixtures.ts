import type { FleetSummary, HostDetail, Page } from '@nta/contracts';
import { emptyTransportCounters } from '@nta/contracts';
import { host } from './fixtures';

export function hostDetail(overrides: Partial<HostDetail> = {}): HostDetail {
  return {
    ...host(),
    coveragePct: 99.5,
    displayName: null,
    group: null,
    labels: [],
    ...overrides,
  };
}

export function page<T>(items: T[], total = items.length): Page<T> {
  return { items, limit: 1000, offset: 0, total };
}

export function fleetSummary(overrides: Partial<FleetSummary> = {}): FleetSummary {
  return {
    hosts: { capturing: 1, offline: 1, online: 2, total: 3 },
    rate: { bytesPerSec: 3_000_000, packetsPerSec: 2500 },
    totals: { bytes: 180_000_000, packets: 150_000 },
    transport: {
      ...emptyTransportCounters(),
      tcp: { bytes: 900, packets: 9 },
      udp: { bytes: 100, packets: 1 },
    },
    ts: 1_700_000_000_000,
    ...overrides,
  };
}
