import { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export const DEFAULT_RANGE_MS = 5 * 60_000;
// Per-second reports: 7 days is ~600 000 rows per interface, the most one answer may scan.
export const MAX_RANGE_MS = 7 * 24 * 3_600_000;

const epochMs = z.coerce.number().int().nonnegative();

/** A resolved [from, to] in epoch ms, optionally narrowed to one interface. */
export interface ReportRange {
  from: number;
  interface?: string;
  to: number;
}

/** The range parameters every history route takes; extend it, then `.transform(resolveRange)`. */
export const rangeQueryObject = z.object({
  from: epochMs.optional(),
  interface: z.string().min(1).max(64).optional(),
  to: epochMs.optional(),
});

type Resolved<T> = Omit<T, 'from' | 'to'> & { from: number; to: number };

/**
 * `from`/`to` (epoch ms) default to the last 5 minutes; `from` after `to` or a span over
 * 7 days is an issue on `from`, which the pipe turns into a 400.
 */
export function resolveRange<T extends { from?: number; to?: number }>(
  q: T,
  ctx: z.RefinementCtx,
): Resolved<T> {
  const to = q.to ?? Date.now();
  const from = q.from ?? Math.max(0, to - DEFAULT_RANGE_MS);
  if (from > to) {
    ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['from'] });
    return z.NEVER;
  }
  if (to - from > MAX_RANGE_MS) {
    const days = ((to - from) / 86_400_000).toFixed(1);
    ctx.addIssue({
      code: 'custom',
      message: `the range spans ${days} days of per-second data; ask for at most 7 days`,
      path: ['from'],
    });
    return z.NEVER;
  }
  return { ...q, from, to };
}

export const RANGE_QUERY_SCHEMA = rangeQueryObject.transform(resolveRange);
export type RangeQueryDto = z.output<typeof RANGE_QUERY_SCHEMA>;

export const RANGE_QUERY_PIPE = new ZodValidationPipe(RANGE_QUERY_SCHEMA, 'query');
