import { emptyStatsReport, type StatsReport } from '@nta/contracts';
import { LiveRates, RATE_STALE_MS } from './live-rates';

function report(iface: string, bytes: number, packets: number, ms = 1000): StatsReport {
  const meta = { agentId: 'a1', interface: iface, intervalStart: 1_700_000_000_000, seq: 1 };
  return {
    ...emptyStatsReport({ ...meta, intervalEnd: meta.intervalStart + ms }),
    totals: { bytes, packets },
  };
}

describe(LiveRates.name, () => {
  let now: number;
  let sut: LiveRates;

  beforeEach(() => {
    now = 1_000_000;
    sut = new LiveRates(() => now);
  });

  it('sums the latest report of each interface, per second', () => {
    sut.record(report('eth0', 1000, 10));
    sut.record(report('eth0', 3000, 30));
    sut.record(report('eth1', 4000, 8, 2000));

    expect(sut.rate('a1')).toEqual({ bytesPerSec: 5000, packetsPerSec: 34 });
  });

  it('drops to zero when reports stop', () => {
    sut.record(report('eth0', 1000, 10));
    now += RATE_STALE_MS + 1;

    expect(sut.rate('a1')).toEqual({ bytesPerSec: 0, packetsPerSec: 0 });
  });

  it('knows nothing of hosts it never saw', () => {
    expect(sut.rate('nobody')).toEqual({ bytesPerSec: 0, packetsPerSec: 0 });
  });
});
