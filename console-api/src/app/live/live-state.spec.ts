import { emptyStatsReport, type HostDetail, type StatsReport } from '@nta/contracts';
import { RATE_STALE_MS } from '../hosts/live-rates';
import { FLEET_WINDOW_MS, LiveState } from './live-state';

function detail(id: string, fields: Partial<HostDetail> = {}): HostDetail {
  return {
    capture: null,
    coveragePct: null,
    displayName: null,
    group: null,
    hostname: null,
    id,
    labels: [],
    lastSeen: null,
    online: true,
    rate: { bytesPerSec: 0, packetsPerSec: 0 },
    version: null,
    ...fields,
  };
}

function report(agentId: string, intervalEnd: number, bytes: number): StatsReport {
  const r = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd,
    intervalStart: intervalEnd - 1000,
    seq: 1,
  });
  r.totals = { bytes, packets: 1 };
  r.transport.udp = { bytes, packets: 1 };
  return r;
}

describe(LiveState.name, () => {
  let now: number;
  let sut: LiveState;

  beforeEach(() => {
    now = 1_700_000_000_000;
    sut = new LiveState(() => now);
  });

  it('counts hosts by state and sums fresh rates', () => {
    const running = { error: null, filter: null, interface: 'eth0', running: true, startedAt: 1 };
    sut.applyHost(detail('a', { capture: running, rate: { bytesPerSec: 100, packetsPerSec: 2 } }));
    sut.applyHost(detail('b', { rate: { bytesPerSec: 50, packetsPerSec: 1 } }));
    sut.applyHost(detail('c', { online: false, rate: { bytesPerSec: 999, packetsPerSec: 9 } }));

    const fleet = sut.fleet();
    expect(fleet.hosts).toEqual({ capturing: 1, offline: 1, online: 2, total: 3 });
    expect(fleet.rate).toEqual({ bytesPerSec: 150, packetsPerSec: 3 });
    expect(fleet.ts).toBe(now);
  });

  it('forgets rates that went stale and hosts removed', () => {
    sut.applyHost(detail('a', { rate: { bytesPerSec: 100, packetsPerSec: 2 } }));
    now += RATE_STALE_MS + 1;

    expect(sut.fleet().rate.bytesPerSec).toBe(0);
    expect(sut.list()[0].bytesPerSec).toBe(0);
    sut.remove('a');
    expect(sut.fleet().hosts.total).toBe(0);
  });

  it('totals the reports of the last minute, not older ones', () => {
    sut.applyReport(report('a', now - 1000, 10));
    sut.applyReport(report('b', now - 1000, 20));
    sut.applyReport(report('a', now - FLEET_WINDOW_MS - 5000, 1000));

    expect(sut.fleet().totals).toEqual({ bytes: 30, packets: 2 });
    expect(sut.fleet().transport.udp.bytes).toBe(30);
    now += FLEET_WINDOW_MS;
    expect(sut.fleet().totals).toEqual({ bytes: 0, packets: 0 });
  });

  it('keeps a fresher push over a seeded row and knows each host group', () => {
    sut.applyHost(detail('a', { group: 'new' }));
    sut.seed([detail('a', { group: 'old' }), detail('b', { group: 'db' })]);

    expect(sut.groupOf('a')).toBe('new');
    expect(sut.groupOf('b')).toBe('db');
    expect(sut.groupOf('nobody')).toBeNull();
  });
});
