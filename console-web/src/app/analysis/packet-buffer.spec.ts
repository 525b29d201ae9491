import type { PacketSample } from '@nta/contracts';
import { appendPackets, matchesFilter } from './packet-buffer';

describe('packet buffer', () => {
  const sample = (i: number, overrides: Partial<PacketSample> = {}): PacketSample => ({
    dst: '10.0.0.2',
    info: `packet ${i}`,
    length: 60 + i,
    protocol: 'TCP',
    src: '10.0.0.1',
    ts: 1_700_000_000_000 + i,
    ...overrides,
  });

  it('puts the newest first with fresh ids and drops the oldest past the cap', () => {
    let sut = appendPackets([], [sample(1), sample(2)], 1, 3);
    sut = appendPackets(sut, [sample(3), sample(4)], 3, 3);

    expect(sut.map((r) => r.info)).toEqual(['packet 4', 'packet 3', 'packet 2']);
    expect(sut.map((r) => r.id)).toEqual([4, 3, 2]);
  });

  it('matches the filter on any column, ignoring case and surrounding blanks', () => {
    const row = sample(1, {
      dst: 'fe80::1',
      info: 'Standard query A Example.COM',
      protocol: 'DNS',
    });
    expect(matchesFilter(row, '  example.com ')).toBeTrue();
    expect(matchesFilter(row, 'dns')).toBeTrue();
    expect(matchesFilter(row, 'FE80')).toBeTrue();
    expect(matchesFilter(row, '61')).toBeTrue();
    expect(matchesFilter(row, '')).toBeTrue();
    expect(matchesFilter(row, 'tls')).toBeFalse();
  });
});
