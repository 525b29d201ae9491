import { z } from 'zod';
import type { CaptureState, InterfaceInfo, TransportCounters } from '../mqtt';

export interface HostRate {
  bytesPerSec: number;
  packetsPerSec: number;
}

export interface HostSummary {
  capture: CaptureState | null;
  // Every interface's capture (the agent status `captures[]`); absent from older consoles.
  captures?: CaptureState[];
  hostname: string | null;
  id: string;
  lastSeen: number | null;
  online: boolean;
  rate: HostRate;
  version: string | null;
}

export interface HostInterfacesResponse {
  host: string;
  interfaces: InterfaceInfo[];
  updatedAt: number | null;
}

/** One stored report, as served by the history routes. */
export interface StatsPoint {
  bytes: number;
  interface: string;
  intervalEnd: number;
  intervalStart: number;
  packets: number;
  seq: number;
  transport: TransportCounters;
  undecodable: number;
}

export interface HostStatsResponse {
  from: number;
  host: string;
  points: StatsPoint[];
  to: number;
  totals: { bytes: number; packets: number };
}

const epochMs = z.coerce.number().int().nonnegative();

/** `from`/`to` are epoch milliseconds; both optional (default: the last 5 minutes). */
export const statsQuerySchema = z
  .object({ from: epochMs.optional(), host: z.string().max(64).optional(), to: epochMs.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const captureRequestSchema = z.object({
  host: z.string().max(64).optional(),
  interface: z.string().min(1).max(64).optional(),
});
export type CaptureRequest = z.infer<typeof captureRequestSchema>;

export interface CaptureResponse {
  capture: CaptureState | null;
  error: string | null;
  host: string;
  ok: boolean;
}

/** The original single-host tool's `/api/stats` answer, kept for its scripts. */
export interface LegacyStatsResponse {
  capturing: boolean;
  host: string;
  interface: string | null;
  packet_count: number;
  protocols: Record<string, number>;
  total_bytes: number;
}
