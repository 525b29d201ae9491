import { hostDetail } from '../../../testing/fleet-fixtures';
import { rowFromDetail } from './fleet-row';
import { DEFAULT_QUERY, type FleetQuery, facets, viewRows } from './fleet-view';

describe('viewRows', () => {
  const rows = [
    rowFromDetail(hostDetail({ displayName: 'Alpha', group: 'prod', id: 'h1', labels: ['eu'] })),
    rowFromDetail(
      hostDetail({
        capture: { error: null, filter: null, interface: 'eth0', running: true, startedAt: 1 },
        hostname: 'bravo',
        id: 'h2',
        rate: { bytesPerSec: 500, packetsPerSec: 9 },
      }),
    ),
    rowFromDetail(
      hostDetail({ coveragePct: 50, hostname: 'charlie', id: 'h3', labels: ['us'], online: false }),
    ),
  ];
  const ids = (query: Partial<FleetQuery>) =>
    viewRows(rows, { ...DEFAULT_QUERY, ...query }).map((r) => r.id);

  it('orders by name by default, either way', () => {
    expect(ids({})).toEqual(['h1', 'h2', 'h3']);
    expect(ids({ desc: true })).toEqual(['h3', 'h2', 'h1']);
  });

  it('sorts by a figure with names breaking ties', () => {
    expect(ids({ desc: true, sort: 'bytes' })).toEqual(['h2', 'h1', 'h3']);
    expect(ids({ sort: 'coverage' })).toEqual(['h3', 'h1', 'h2']);
  });

  it('searches names, ids, hostnames and labels, ignoring case', () => {
    expect(ids({ search: 'ALP' })).toEqual(['h1']);
    expect(ids({ search: 'h3' })).toEqual(['h3']);
    expect(ids({ search: 'us' })).toEqual(['h3']);
    expect(ids({ search: '  ' })).toEqual(['h1', 'h2', 'h3']);
  });

  it('filters by state, group and label', () => {
    expect(ids({ state: 'capturing' })).toEqual(['h2']);
    expect(ids({ state: 'offline' })).toEqual(['h3']);
    expect(ids({ state: 'online' })).toEqual(['h1', 'h2']);
    expect(ids({ group: 'prod' })).toEqual(['h1']);
    expect(ids({ label: 'us' })).toEqual(['h3']);
  });

  it('lists the groups and labels present', () => {
    expect(facets(rows)).toEqual({ groups: ['prod'], labels: ['eu', 'us'] });
  });
});
