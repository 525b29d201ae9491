import type { Counters } from '@nta/contracts';

export type Metric = keyof Counters;

/** One slice of a distribution; `pct` is its share of the metric over all slices. */
export interface Share {
  bytes: number;
  name: string;
  packets: number;
  pct: number;
}

export function zero(): Counters {
  return { bytes: 0, packets: 0 };
}

export function addInto(target: Counters, added: Counters): void {
  target.bytes += added.bytes;
  target.packets += added.packets;
}

/** Per-name sums over several reports' maps (transports, applications). */
export function sumByName(
  maps: readonly Readonly<Record<string, Counters>>[],
): Record<string, Counters> {
  const out: Record<string, Counters> = {};
  for (const map of maps) {
    for (const [name, counters] of Object.entries(map)) addInto((out[name] ??= zero()), counters);
  }
  return out;
}

/**
 * Non-empty slices, largest first by `metric`. Past `limit` the rest fold into one `others`
 * slice, so the shares still add up to the whole.
 */
export function topShares(
  counters: Readonly<Record<string, Counters>>,
  metric: Metric,
  limit = Number.POSITIVE_INFINITY,
  othersName = 'others',
): Share[] {
  const entries = Object.entries(counters).filter(([, c]) => c.bytes > 0 || c.packets > 0);
  const total = entries.reduce((sum, [, c]) => sum + c[metric], 0);
  const sorted = entries.sort(([an, a], [bn, b]) => b[metric] - a[metric] || an.localeCompare(bn));
  const kept = sorted.length > limit ? sorted.slice(0, Math.max(0, limit - 1)) : sorted;
  const rest = zero();
  for (const [, c] of sorted.slice(kept.length)) addInto(rest, c);
  const rows = kept.map(([name, c]) => ({ name, ...c }));
  if (kept.length < sorted.length) rows.push({ name: othersName, ...rest });
  return rows.map((row) => ({ ...row, pct: total ? (row[metric] / total) * 100 : 0 }));
}
