import { z } from 'zod';
import type { Counters, TransportCounters } from '../mqtt';
import type { HostSummary } from './hosts';

const label = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w.:-]+$/, 'letters, digits, _ . : -');

/** PATCH /api/hosts/:id: rename (display name), group, labels. */
export const updateHostSchema = z.object({
  displayName: z.string().trim().min(1).max(128).nullable().optional(),
  group: label.nullable().optional(),
  labels: z.array(label).max(32).optional(),
});
export type UpdateHostRequest = z.infer<typeof updateHostSchema>;

/** HostSummary plus what people set on it; GET /api/hosts returns Page<HostDetail>. */
export interface HostDetail extends HostSummary {
  coveragePct: number | null;
  displayName: string | null;
  group: string | null;
  labels: string[];
}

/** GET /api/hosts?search=&group=&label=&online=&sort=&limit=&offset= */
export const hostListQuerySchema = z.object({
  group: z.string().max(64).optional(),
  label: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
  online: z.enum(['true', 'false']).optional(),
  search: z.string().max(128).optional(),
  sort: z.enum(['name', 'bytes', 'packets', 'lastSeen']).default('name'),
});
export type HostListQuery = z.infer<typeof hostListQuerySchema>;

export const TIMESERIES_METRICS = [
  'bytes',
  'packets',
  'bytesIn',
  'bytesOut',
  'undecodable',
] as const;
export type TimeseriesMetric = (typeof TIMESERIES_METRICS)[number];

/**
 * GET /api/timeseries?from=&to=&step=&metric=&host=|group= — epoch ms; `step` in seconds
 * (optional: chosen from the range). The console answers from the 1 s, 1 min or 1 h rows.
 */
export const timeseriesQuerySchema = z
  .object({
    from: z.coerce.number().int().nonnegative(),
    group: z.string().max(64).optional(),
    host: z.string().max(64).optional(),
    interface: z.string().max(64).optional(),
    metric: z.enum(TIMESERIES_METRICS).default('bytes'),
    step: z.coerce.number().int().min(1).max(86_400).optional(),
    to: z.coerce.number().int().nonnegative(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type TimeseriesQuery = z.infer<typeof timeseriesQuerySchema>;

export interface TimeseriesResponse {
  from: number;
  metric: TimeseriesMetric;
  // Per bucket start (epoch ms): the metric's sum over the bucket; missing buckets are absent.
  points: { t: number; value: number }[];
  resolution: '1s' | '1m' | '1h';
  scope: { group: string | null; host: string | null };
  step: number;
  to: number;
}

/** GET /api/fleet/summary and the `fleet` WebSocket event. */
export interface FleetSummary {
  hosts: { capturing: number; offline: number; online: number; total: number };
  rate: { bytesPerSec: number; packetsPerSec: number };
  transport: TransportCounters;
  // Over the last minute.
  totals: Counters;
  ts: number;
}

/** GET /api/groups: one row per group set on at least one host. */
export interface HostGroup {
  hosts: number;
  name: string;
  online: number;
}
