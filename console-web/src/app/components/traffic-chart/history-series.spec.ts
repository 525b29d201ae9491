import type { TimeseriesResponse } from '@nta/contracts';
import { rateLine, toHistorySeries } from './history-series';

const T0 = 1_700_000_000_000 - (1_700_000_000_000 % 60_000);

function answer(points: { t: number; value: number }[], metric = 'bytes'): TimeseriesResponse {
  return {
    from: T0,
    metric: metric as TimeseriesResponse['metric'],
    points,
    resolution: '1m',
    scope: { group: null, host: 'h1' },
    step: 60,
    to: T0 + 3 * 60_000,
  };
}

describe('history series', () => {
  it('turns bucket sums into per-second rates and draws missing buckets as zero', () => {
    const line = rateLine('in', answer([{ t: T0 + 60_000, value: 6000 }]));
    expect(line.series.map((p) => p.value)).toEqual([0, 100, 0, 0]);
    expect(line.series[1].name).toEqual(new Date(T0 + 60_000));
  });

  it('draws bytes in and out, and packets', () => {
    const series = toHistorySeries({
      bytesIn: answer([{ t: T0, value: 120 }], 'bytesIn'),
      bytesOut: answer([{ t: T0, value: 60 }], 'bytesOut'),
      packets: answer([{ t: T0, value: 30 }], 'packets'),
    });
    expect(series.bytes.map((s) => s.name)).toEqual(['in', 'out']);
    expect(series.bytes[0].series[0].value).toBe(2);
    expect(series.bytes[1].series[0].value).toBe(1);
    expect(series.packets[0].series[0].value).toBe(1);
  });
});
