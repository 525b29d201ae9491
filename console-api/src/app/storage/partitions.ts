import type { Resolution } from '../../infra/config/storage-config';

export const RESOLUTIONS: readonly Resolution[] = ['1s', '1m', '1h'];

/** The partitioned table holding each resolution. */
export const LEVEL_TABLE: Record<Resolution, string> = {
  '1h': 'reports_1h',
  '1m': 'reports_1m',
  '1s': 'reports',
};

export const LEVEL_SECONDS: Record<Resolution, number> = { '1h': 3600, '1m': 60, '1s': 1 };

export interface PartitionSpan {
  from: Date;
  name: string;
  to: Date;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

// 1 s rows: one partition per UTC day; 1 min and 1 h rows: one per UTC month.
const daily = (level: Resolution) => level === '1s';

/** The partition that holds `at` for a resolution. */
export function partitionFor(level: Resolution, at: Date): PartitionSpan {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (daily(level)) {
    const from = new Date(Date.UTC(y, m, at.getUTCDate()));
    return {
      from,
      name: `${LEVEL_TABLE[level]}_d${y}${pad(m + 1)}${pad(at.getUTCDate())}`,
      to: new Date(from.getTime() + DAY_MS),
    };
  }
  return {
    from: new Date(Date.UTC(y, m, 1)),
    name: `${LEVEL_TABLE[level]}_m${y}${pad(m + 1)}`,
    to: new Date(Date.UTC(y, m + 1, 1)),
  };
}

/** Every partition overlapping [from, to], oldest first. */
export function partitionsBetween(level: Resolution, from: Date, to: Date): PartitionSpan[] {
  const spans: PartitionSpan[] = [];
  for (let at = from; at.getTime() <= to.getTime();) {
    const span = partitionFor(level, at);
    spans.push(span);
    at = span.to;
  }
  return spans;
}

/** Reads back a name made by partitionFor; null for anything else (left alone). */
export function parsePartitionName(level: Resolution, name: string): PartitionSpan | null {
  const table = LEVEL_TABLE[level];
  const match = daily(level)
    ? new RegExp(`^${table}_d(\\d{4})(\\d{2})(\\d{2})$`).exec(name)
    : new RegExp(`^${table}_m(\\d{4})(\\d{2})$`).exec(name);
  if (!match) return null;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)));
  const span = partitionFor(level, at);
  return span.name === name ? span : null;
}
