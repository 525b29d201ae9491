import { parsePartitionName, partitionFor, partitionsBetween } from './partitions';

describe(partitionFor.name, () => {
  it('puts 1 s rows in UTC days and rollups in UTC months', () => {
    const at = new Date('2026-11-30T23:59:59.999Z');

    expect(partitionFor('1s', at)).toEqual({
      from: new Date('2026-11-30T00:00:00Z'),
      name: 'reports_d20261130',
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(partitionFor('1m', at)).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      name: 'reports_1m_m202611',
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(partitionFor('1h', new Date('2026-12-31T12:00:00Z')).to).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });

  it('lists every partition a range touches', () => {
    const names = partitionsBetween(
      '1s',
      new Date('2026-11-29T10:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
    ).map((s) => s.name);

    expect(names).toEqual(['reports_d20261129', 'reports_d20261130', 'reports_d20261201']);
  });

  it('parses its own names back and ignores others', () => {
    expect(parsePartitionName('1s', 'reports_d20261124')?.from).toEqual(
      new Date('2026-11-24T00:00:00Z'),
    );
    expect(parsePartitionName('1h', 'reports_1h_m202602')?.to).toEqual(
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(parsePartitionName('1s', 'reports_d20261132')).toBeNull();
    expect(parsePartitionName('1m', 'reports_1h_m202602')).toBeNull();
    expect(parsePartitionName('1s', 'reports_legacy')).toBeNull();
  });
});
