import type { HostDetail, HostListQuery, Page } from '@nta/contracts';

export interface SqlFilter {
  params: unknown[];
  where: string;
}

/** The stored-column filters of GET /api/hosts as one WHERE clause ($1… in order). */
export function hostListFilter(query: Partial<HostListQuery>): SqlFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (query.search) {
    add(
      (p) => `(id ILIKE ${p} OR hostname ILIKE ${p} OR display_name ILIKE ${p})`,
      `%${escapeLike(query.search)}%`,
    );
  }
  if (query.group) add((p) => `"group" = ${p}`, query.group);
  if (query.label) add((p) => `labels @> ARRAY[${p}]::text[]`, query.label);
  if (query.online) add((p) => `online = ${p}`, query.online === 'true');
  return { params, where: clauses.length ? clauses.join(' AND ') : 'true' };
}

// A search for "50%" means the characters, not a wildcard.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function hostName(host: HostDetail): string {
  return host.displayName ?? host.hostname ?? host.id;
}

type Compare = (a: HostDetail, b: HostDetail) => number;

const byName: Compare = (a, b) =>
  hostName(a).localeCompare(hostName(b), 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

// Rates sort busiest first; ties (and never-seen hosts) fall back to the name.
const COMPARE: Record<HostListQuery['sort'], Compare> = {
  bytes: (a, b) => b.rate.bytesPerSec - a.rate.bytesPerSec || byName(a, b),
  lastSeen: (a, b) => (b.lastSeen ?? -1) - (a.lastSeen ?? -1) || byName(a, b),
  name: byName,
  packets: (a, b) => b.rate.packetsPerSec - a.rate.packetsPerSec || byName(a, b),
};

/** Sorts in memory (the rates live there, not in Postgres) and cuts one page. */
export function sortAndPage(
  hosts: HostDetail[],
  query: Pick<HostListQuery, 'limit' | 'offset' | 'sort'>,
): Page<HostDetail> {
  const items = [...hosts].sort(COMPARE[query.sort]);
  return {
    items: items.slice(query.offset, query.offset + query.limit),
    limit: query.limit,
    offset: query.offset,
    total: hosts.length,
  };
}
