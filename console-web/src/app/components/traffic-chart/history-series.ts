import type { TimeseriesResponse } from '@nta/contracts';
import type { TimelineHistory } from '../../services/timeseries.service';
import type { ChartPoint, ChartSeries, TrafficSeries } from './traffic-sample';

/**
 * One stored metric as per-second rates over its whole range: each bucket's sum divided by the
 * step, and buckets the console left out (no traffic, capture off) drawn as zero.
 */
export function rateLine(name: string, answer: TimeseriesResponse): ChartSeries {
  const stepMs = answer.step * 1000;
  const byStart = new Map(answer.points.map((p) => [p.t, p.value]));
  const series: ChartPoint[] = [];
  const first = Math.floor(answer.from / stepMs) * stepMs;
  for (let t = first; t <= answer.to; t += stepMs) {
    series.push({ name: new Date(t), value: Math.round((byStart.get(t) ?? 0) / answer.step) });
  }
  return { name, series };
}

/** The timeline from history: bytes in and out, and packets. */
export function toHistorySeries(history: TimelineHistory): TrafficSeries {
  return {
    bytes: [rateLine('in', history.bytesIn), rateLine('out', history.bytesOut)],
    packets: [rateLine('packets/s', history.packets)],
  };
}
