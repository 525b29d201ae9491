import type { Counters, StatsPoint, StatsReport, TransportCounters } from '@nta/contracts';
import type { StatsPointWithAnalysis } from '../../services/analysis-api';

/** One report (live or stored), reduced to what the host page shows. */
export interface TrafficSample {
  bytes: number;
  // Toward / from the host's own addresses; null when the agent did not tell.
  in: Counters | null;
  interface: string;
  intervalEnd: number;
  intervalStart: number;
  out: Counters | null;
  packets: number;
  seq: number;
  transport: TransportCounters;
  undecodable: number;
}

export interface ChartPoint {
  name: Date;
  value: number;
}

export interface ChartSeries {
  name: string;
  series: ChartPoint[];
}

export interface TrafficSeries {
  bytes: ChartSeries[];
  packets: ChartSeries[];
}

export const TRAFFIC_WINDOW_MS = 120_000;

export function sampleFromReport(report: StatsReport): TrafficSample {
  return {
    bytes: report.totals.bytes,
    in: report.direction?.in ?? null,
    interface: report.interface,
    intervalEnd: report.intervalEnd,
    intervalStart: report.intervalStart,
    out: report.direction?.out ?? null,
    packets: report.totals.packets,
    seq: report.seq,
    transport: report.transport,
    undecodable: report.undecodable,
  };
}

export function sampleFromPoint(point: StatsPoint | StatsPointWithAnalysis): TrafficSample {
  const direction = 'direction' in point ? point.direction : null;
  return {
    bytes: point.bytes,
    in: direction?.in ?? null,
    interface: point.interface,
    intervalEnd: point.intervalEnd,
    intervalStart: point.intervalStart,
    out: direction?.out ?? null,
    packets: point.packets,
    seq: point.seq,
    transport: point.transport,
    undecodable: point.undecodable,
  };
}

/**
 * Adds samples in time order, drops repeats (the same seq from history and live) and everything
 * older than the window before the newest sample (agent time, so browser clock skew is harmless).
 */
export function mergeSamples(
  current: readonly TrafficSample[],
  added: readonly TrafficSample[],
  windowMs = TRAFFIC_WINDOW_MS,
): TrafficSample[] {
  const bySeq = new Map<string, TrafficSample>();
  for (const sample of [...current, ...added])
    bySeq.set(`${sample.interface}/${sample.seq}`, sample);
  const sorted = [...bySeq.values()].sort((a, b) => a.intervalEnd - b.intervalEnd || a.seq - b.seq);
  const newest = sorted.at(-1)?.intervalEnd ?? 0;
  return sorted.filter((sample) => sample.intervalEnd > newest - windowMs);
}

interface Bucket {
  bytes: number;
  bytesIn: number;
  bytesOut: number;
  packets: number;
  packetsIn: number;
  packetsOut: number;
}

const emptyBucket = (): Bucket => ({
  bytes: 0,
  bytesIn: 0,
  bytesOut: 0,
  packets: 0,
  packetsIn: 0,
  packetsOut: 0,
});

/**
 * Per-second rates for the chart: each sample is divided by its own interval, samples ending in
 * the same second (several interfaces) are summed, and seconds without a report count as zero.
 * Total first, then in and out when the agent reported direction.
 */
export function toTrafficSeries(samples: readonly TrafficSample[]): TrafficSeries {
  const buckets = new Map<number, Bucket>();
  let directed = false;
  for (const sample of samples) {
    const seconds = Math.max(1, (sample.intervalEnd - sample.intervalStart) / 1000);
    const second = Math.floor(sample.intervalEnd / 1000) * 1000;
    const bucket = buckets.get(second) ?? emptyBucket();
    bucket.bytes += sample.bytes / seconds;
    bucket.packets += sample.packets / seconds;
    if (sample.in && sample.out) {
      directed = true;
      bucket.bytesIn += sample.in.bytes / seconds;
      bucket.bytesOut += sample.out.bytes / seconds;
      bucket.packetsIn += sample.in.packets / seconds;
      bucket.packetsOut += sample.out.packets / seconds;
    }
    buckets.set(second, bucket);
  }
  const seconds = [...buckets.keys()].sort((a, b) => a - b);
  const line = (name: string): ChartSeries => ({ name, series: [] });
  const lines = {
    bytes: [line('bytes/s'), line('in'), line('out')],
    packets: [line('packets/s'), line('in'), line('out')],
  };
  const picks: Record<'bytes' | 'packets', ((b: Bucket) => number)[]> = {
    bytes: [(b) => b.bytes, (b) => b.bytesIn, (b) => b.bytesOut],
    packets: [(b) => b.packets, (b) => b.packetsIn, (b) => b.packetsOut],
  };
  if (seconds.length) {
    const last = seconds[seconds.length - 1];
    // Bounded by the window, whatever the caller passed in.
    const first = Math.max(seconds[0], last - TRAFFIC_WINDOW_MS);
    const empty = emptyBucket();
    for (let second = first; second <= last; second += 1000) {
      const bucket = buckets.get(second) ?? empty;
      for (const kind of ['bytes', 'packets'] as const) {
        lines[kind].forEach((l, i) =>
          l.series.push({ name: new Date(second), value: Math.round(picks[kind][i](bucket)) }),
        );
      }
    }
  }
  return {
    bytes: directed ? lines.bytes : lines.bytes.slice(0, 1),
    packets: directed ? lines.packets : lines.packets.slice(0, 1),
  };
}
