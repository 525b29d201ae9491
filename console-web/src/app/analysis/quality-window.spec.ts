import type { Quality } from '@nta/contracts';
import { report } from '../../testing/fixtures';
import { summarizeQuality } from './quality-window';

describe('capture quality window', () => {
  const t0 = 1_700_000_000_000;

  function withQuality(seq: number, quality: Partial<Quality>) {
    const base = report(seq, t0 + seq * 1000);
    return { ...base, quality: { ...base.quality, ...quality } };
  }

  it('sums the window: coverage from the sums, reasons by count, lag latest and max', () => {
    const sut = summarizeQuality([
      withQuality(1, {
        captured: 90,
        drops: 1,
        flowsActive: 40,
        flowsEvicted: 3,
        interfacePackets: 100,
        linkTypes: { '147': 2 },
        publishLagMs: 30,
        queued: 4,
        undecodable: 3,
        undecodableReasons: { 'ipv4-bad-header-length': 1, truncated: 2 },
      }),
      withQuality(2, {
        captured: 100,
        drops: 2,
        flowsActive: 12,
        flowsEvicted: 4,
        interfacePackets: 100,
        publishLagMs: 10,
        queued: 0,
        tunnels: { gre: 1, vxlan: 2 },
        undecodable: 5,
        undecodableReasons: { truncated: 5 },
      }),
    ]);

    expect(sut).toEqual({
      captured: 190,
      coveragePct: 95,
      drops: 3,
      flowsActive: 12,
      flowsEvicted: 7,
      interfacePackets: 200,
      lagLatestMs: 10,
      lagMaxMs: 30,
      linkTypes: [{ count: 2, reason: '147' }],
      queued: 0,
      reports: 2,
      tunnels: { gre: 1, vxlan: 2 },
      undecodable: 8,
      undecodableReasons: [
        { count: 7, reason: 'truncated' },
        { count: 1, reason: 'ipv4-bad-header-length' },
      ],
    });
  });

  it('says unknown (null) when any second lacks drops or interface counters', () => {
    const sut = summarizeQuality([
      withQuality(1, { drops: 0, interfacePackets: 10 }),
      withQuality(2, { drops: null, interfacePackets: null }),
    ]);
    expect(sut?.drops).toBeNull();
    expect(sut?.interfacePackets).toBeNull();
    expect(sut?.coveragePct).toBeNull();
  });

  it('has nothing to say without reports', () => {
    expect(summarizeQuality([])).toBeNull();
  });
});
