import type { Resolution } from '../../infra/config/storage-config';
import { LEVEL_SECONDS, LEVEL_TABLE } from './partitions';

export type RollupMarks = Record<'1h' | '1m', Date | null>;

const COLUMNS = `agent_id, interface, interval_start, interval_end, seq, packets, bytes, bytes_in,
  bytes_out, undecodable, transport, applications, direction, flows, flows_other, talkers, quality`;
// 1 s rows keep flows and talkers as json (ReportJsonText migration): jsonb like the others here.
const COLUMNS_1S = `agent_id, interface, interval_start, interval_end, seq, packets, bytes, bytes_in,
  bytes_out, undecodable, transport, applications, direction, flows::jsonb AS flows, flows_other,
  talkers::jsonb AS talkers, quality, 1 AS reports`;
const COARSER: Record<Resolution, Resolution | null> = { '1h': null, '1m': '1h', '1s': '1m' };
const FINER: Record<Resolution, Resolution | null> = { '1h': '1m', '1m': '1s', '1s': null };
// Steps chosen when none is asked for: the first giving at most TARGET_POINTS points.
const NICE_STEPS = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];
const TARGET_POINTS = 1000;
export const MAX_POINTS = 10_000;

const at = (d: Date) => `'${d.toISOString()}'::timestamptz`;

/**
 * A FROM-able subquery with the same columns at every resolution (plus `reports`, the number of
 * 1 s reports behind a row): `level` rows up to its rollup mark, finer rows after it, so the
 * newest minutes show before they are rolled up and nothing is counted twice.
 */
export function sourceSql(level: Resolution, marks: RollupMarks): string {
  const branches: string[] = [];
  let lower: Date | null = null;
  for (let l: Resolution | null = level; l; l = FINER[l]) {
    const upper = l === '1s' ? null : marks[l];
    // Never rolled up yet: the finer rows hold everything.
    if (l !== '1s' && upper === null) continue;
    const where = [
      lower && `interval_start >= ${at(lower)}`,
      upper && `interval_start < ${at(upper)}`,
    ]
      .filter(Boolean)
      .join(' AND ');
    const columns = l === '1s' ? COLUMNS_1S : `${COLUMNS}, reports`;
    branches.push(`SELECT ${columns} FROM ${LEVEL_TABLE[l]}${where ? ` WHERE ${where}` : ''}`);
    lower = upper ?? lower;
  }
  return `(${branches.join('\n  UNION ALL ')})`;
}

/** The finest resolution still holding `from` (retention in seconds per resolution). */
export function levelForRange(
  from: number,
  now: number,
  retention: Record<Resolution, number>,
): Resolution {
  let level: Resolution = '1s';
  for (
    let next = COARSER[level];
    next && from < now - retention[level] * 1000;
    next = COARSER[next]
  ) {
    level = next;
  }
  return level;
}

export interface SeriesPlan {
  level: Resolution;
  step: number;
}

/**
 * Step (seconds) and resolution for a series: the asked step (or a nice one for ~1000 points),
 * never more than MAX_POINTS, read from the coarsest resolution that divides the step and still
 * holds `from`.
 */
export function planSeries(
  from: number,
  to: number,
  step: number | undefined,
  now: number,
  retention: Record<Resolution, number>,
): SeriesPlan {
  const rangeSeconds = Math.max(1, (to - from) / 1000);
  let chosen = step ?? NICE_STEPS.find((s) => rangeSeconds / s <= TARGET_POINTS) ?? 86_400;
  if (rangeSeconds / chosen > MAX_POINTS) chosen = Math.ceil(rangeSeconds / MAX_POINTS);
  const needed = levelForRange(from, now, retention);
  // Coarsest first: fewer rows to read; a resolution finer than `needed` no longer has `from`.
  const usable = (['1h', '1m', '1s'] as const).filter((l) => rank(l) >= rank(needed));
  const level = usable.find((l) => chosen % LEVEL_SECONDS[l] === 0) ?? needed;
  const width = LEVEL_SECONDS[level];
  return { level, step: Math.ceil(chosen / width) * width };
}

const rank = (level: Resolution) => LEVEL_SECONDS[level];
