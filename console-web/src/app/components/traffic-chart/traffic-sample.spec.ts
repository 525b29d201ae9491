import { report } from '../../../testing/fixtures';
import { mergeSamples, sampleFromReport, toTrafficSeries } from './traffic-sample';

describe('traffic samples', () => {
  const t0 = 1_700_000_000_000;

  it('maps reports to packets/s and bytes/s series by second', () => {
    const samples = [report(1, t0 + 1000, 10, 1500), report(2, t0 + 2000, 20, 3000)].map(
      sampleFromReport,
    );
    const series = toTrafficSeries(samples);

    expect(series.packets[0].name).toBe('packets/s');
    expect(series.packets[0].series).toEqual([
      { name: new Date(t0 + 1000), value: 10 },
      { name: new Date(t0 + 2000), value: 20 },
    ]);
    expect(series.bytes[0].series.map((p) => p.value)).toEqual([1500, 3000]);
  });

  it('divides by the interval length and fills silent seconds with zero', () => {
    const long = { ...report(1, t0 + 2000, 40, 4000), intervalStart: t0 };
    const later = report(2, t0 + 5000, 5, 500);
    const series = toTrafficSeries([long, later].map(sampleFromReport));

    expect(series.packets[0].series.map((p) => p.value)).toEqual([20, 0, 0, 5]);
  });

  it('sums interfaces that report the same second', () => {
    const eth0 = report(1, t0 + 1000, 10, 100);
    const eth1 = { ...report(2, t0 + 1000, 5, 50), interface: 'eth1' };
    expect(toTrafficSeries([eth0, eth1].map(sampleFromReport)).bytes[0].series).toEqual([
      { name: new Date(t0 + 1000), value: 150 },
    ]);
  });

  it('is empty without samples', () => {
    expect(toTrafficSeries([]).packets[0].series).toEqual([]);
  });

  it('merges history and live without repeats and keeps the last two minutes', () => {
    const history = [report(1, t0), report(2, t0 + 1000)].map(sampleFromReport);
    const live = [report(2, t0 + 1000), report(3, t0 + 120_500)].map(sampleFromReport);
    expect(mergeSamples(history, live).map((s) => s.seq)).toEqual([2, 3]);
  });

  it('adds in and out lines when the agent reported direction', () => {
    const r = report(1, t0 + 1000, 10, 1500);
    r.direction.in = { bytes: 1000, packets: 6 };
    r.direction.out = { bytes: 500, packets: 4 };
    const series = toTrafficSeries([sampleFromReport(r)]);

    expect(series.bytes.map((s) => s.name)).toEqual(['bytes/s', 'in', 'out']);
    expect(series.bytes.map((s) => s.series[0].value)).toEqual([1500, 1000, 500]);
    expect(series.packets.map((s) => s.series[0].value)).toEqual([10, 6, 4]);
  });

  it('draws the total only for samples without direction', () => {
    const sample = { ...sampleFromReport(report(1, t0 + 1000)), in: null, out: null };
    expect(toTrafficSeries([sample]).bytes.map((s) => s.name)).toEqual(['bytes/s']);
  });
});
