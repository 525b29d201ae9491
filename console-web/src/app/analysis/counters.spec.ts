import { sumByName, topShares } from './counters';

describe('distribution counters', () => {
  it('sums per name across reports', () => {
    const sut = sumByName([
      { dns: { bytes: 100, packets: 1 }, tls: { bytes: 1000, packets: 2 } },
      { dns: { bytes: 50, packets: 1 } },
    ]);
    expect(sut).toEqual({ dns: { bytes: 150, packets: 2 }, tls: { bytes: 1000, packets: 2 } });
  });

  it('orders by the metric, drops empty slices, and shares add up to 100 %', () => {
    const sut = topShares(
      {
        esp: { bytes: 0, packets: 0 },
        sctp: { bytes: 300, packets: 30 },
        tcp: { bytes: 600, packets: 1 },
        udp: { bytes: 100, packets: 9 },
      },
      'packets',
    );
    expect(sut.map((s) => s.name)).toEqual(['sctp', 'udp', 'tcp']);
    expect(sut.reduce((sum, s) => sum + s.pct, 0)).toBeCloseTo(100, 9);
    expect(sut[0].pct).toBeCloseTo(75, 9);
  });

  it('folds everything past the limit into "others" so the totals still add up', () => {
    const counters = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`app${i}`, { bytes: (i + 1) * 10, packets: i + 1 }]),
    );
    const sut = topShares(counters, 'bytes', 5);

    expect(sut.length).toBe(5);
    expect(sut.map((s) => s.name)).toEqual(['app11', 'app10', 'app9', 'app8', 'others']);
    expect(sut.reduce((sum, s) => sum + s.bytes, 0)).toBe(780);
    expect(sut.reduce((sum, s) => sum + s.packets, 0)).toBe(78);
    expect(sut[4].bytes).toBe(780 - 120 - 110 - 100 - 90);
  });

  it('is empty when nothing was seen', () => {
    expect(topShares({}, 'bytes')).toEqual([]);
  });
});
