import type { StatsPoint, StatsReport, TransportCounters } from '@nta/contracts';

/** One report (live or stored), reduced to what the host page shows. */
export interface TrafficSample {
  bytes: number;
  interface: string;
  intervalEnd: number;
  intervalStart: number;
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
    interface: report.interface,
    intervalEnd: report.intervalEnd,
    intervalStart: report.intervalStart,
    packets: report.totals.packets,
    seq: report.seq,
    transport: report.transport,
    undecodable: report.undecodable,
  };
}

export function sampleFromPoint(point: StatsPoint): TrafficSample {
  return { ...point };
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

/**
 * Per-second rates for the chart: each sample is divided by its own interval, samples ending in
 * the same second (several interfaces) are summed, and seconds without a report count as zero.
 */
export function toTrafficSeries(samples: readonly TrafficSample[]): TrafficSeries {
  const buckets = new Map<number, { bytes: number; packets: number }>();
  for (const sample of samples) {
    const seconds = Math.max(1, (sample.intervalEnd - sample.intervalStart) / 1000);
    const second = Math.floor(sample.intervalEnd / 1000) * 1000;
    const bucket = buckets.get(second) ?? { bytes: 0, packets: 0 };
    bucket.bytes += sample.bytes / seconds;
    bucket.packets += sample.packets / seconds;
    buckets.set(second, bucket);
  }
  const seconds = [...buckets.keys()].sort((a, b) => a - b);
  const bytes: ChartPoint[] = [];
  const packets: ChartPoint[] = [];
  if (seconds.length) {
    const last = seconds[seconds.length - 1];
    // Bounded by the window, whatever the caller passed in.
    const first = Math.max(seconds[0], last - TRAFFIC_WINDOW_MS);
    for (let second = first; second <= last; second += 1000) {
      const bucket = buckets.get(second);
      bytes.push({ name: new Date(second), value: Math.round(bucket?.bytes ?? 0) });
      packets.push({ name: new Date(second), value: Math.round(bucket?.packets ?? 0) });
    }
  }
  return {
    bytes: [{ name: 'bytes/s', series: bytes }],
    packets: [{ name: 'packets/s', series: packets }],
  };
}
