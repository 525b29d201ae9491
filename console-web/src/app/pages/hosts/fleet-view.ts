import type { FleetRow } from './fleet-row';

export type FleetSort = 'bytes' | 'coverage' | 'lastSeen' | 'name' | 'packets';
export type FleetState = 'all' | 'capturing' | 'offline' | 'online';

export interface FleetQuery {
  desc: boolean;
  group: string;
  label: string;
  search: string;
  sort: FleetSort;
  state: FleetState;
}

export const DEFAULT_QUERY: FleetQuery = {
  desc: false,
  group: '',
  label: '',
  search: '',
  sort: 'name',
  state: 'all',
};

const STATE_TESTS: Record<FleetState, (row: FleetRow) => boolean> = {
  all: () => true,
  capturing: (row) => row.online && row.capture?.running === true,
  offline: (row) => !row.online,
  online: (row) => row.online,
};

const SORT_KEYS: Record<Exclude<FleetSort, 'name'>, (row: FleetRow) => number> = {
  bytes: (row) => row.rate.bytesPerSec,
  coverage: (row) => row.coveragePct ?? -1,
  lastSeen: (row) => row.lastSeen ?? 0,
  packets: (row) => row.rate.packetsPerSec,
};

function matches(row: FleetRow, needle: string): boolean {
  return (
    row.name.toLowerCase().includes(needle) ||
    row.id.toLowerCase().includes(needle) ||
    (row.hostname?.toLowerCase().includes(needle) ?? false) ||
    row.labels.some((label) => label.toLowerCase().includes(needle))
  );
}

/** The rows the fleet table shows, in order; pure so it is cheap to test and to rerun per frame. */
export function viewRows(rows: Iterable<FleetRow>, query: FleetQuery): FleetRow[] {
  const needle = query.search.trim().toLowerCase();
  const stateTest = STATE_TESTS[query.state];
  const out: FleetRow[] = [];
  for (const row of rows) {
    if (!stateTest(row)) continue;
    if (query.group && row.group !== query.group) continue;
    if (query.label && !row.labels.includes(query.label)) continue;
    if (needle && !matches(row, needle)) continue;
    out.push(row);
  }
  const sign = query.desc ? -1 : 1;
  const byName = (a: FleetRow, b: FleetRow) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  if (query.sort === 'name') return out.sort((a, b) => sign * byName(a, b));
  const key = SORT_KEYS[query.sort];
  return out.sort((a, b) => sign * (key(a) - key(b)) || byName(a, b));
}

/** Sorted distinct groups and labels, for the filter menus. */
export function facets(rows: Iterable<FleetRow>): { groups: string[]; labels: string[] } {
  const groups = new Set<string>();
  const labels = new Set<string>();
  for (const row of rows) {
    if (row.group) groups.add(row.group);
    for (const label of row.labels) labels.add(label);
  }
  return { groups: [...groups].sort(), labels: [...labels].sort() };
}
