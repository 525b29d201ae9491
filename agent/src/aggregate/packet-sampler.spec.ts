import type { PacketSample } from '@nta/contracts';
import { PacketSampler } from './packet-sampler';

describe(PacketSampler.name, () => {
  const sample = (ts: number, info = ''): PacketSample => ({
    dst: 'b',
    info,
    length: 60,
    protocol: 'udp',
    src: 'a',
    ts,
  });
  const feed = (sut: PacketSampler, n: number, notableEvery = 0) => {
    for (let i = 0; i < n; i++) {
      const notable = notableEvery > 0 && i % notableEvery === 0;
      if (sut.wants(notable)) sut.take(sample(i, notable ? 'dns' : ''), notable);
    }
  };

  it('keeps every packet of a quiet second', () => {
    const sut = new PacketSampler(50);
    feed(sut, 30);

    expect(sut.flush().map((s) => s.ts)).toEqual([...Array(30).keys()]);
  });

  it('spreads a busy second evenly and never exceeds its bound', () => {
    const sut = new PacketSampler(50);
    feed(sut, 100_000);
    const ts = sut.flush().map((s) => s.ts);

    expect(ts.length).toBeLessThanOrEqual(50);
    expect(ts.length).toBeGreaterThanOrEqual(25);
    expect(ts[0]).toBe(0);
    expect(ts[ts.length - 1]).toBeGreaterThan(90_000);
    const gaps = ts.slice(1).map((t, i) => t - ts[i]);
    expect(Math.max(...gaps)).toBe(Math.min(...gaps));
  });

  it('reserves half the slots for DNS/SNI/HTTP packets, in time order', () => {
    const sut = new PacketSampler(50);
    feed(sut, 100_000, 1000);
    const samples = sut.flush();

    expect(samples.length).toBeLessThanOrEqual(50);
    expect(samples.filter((s) => s.info === 'dns').length).toBe(25);
    expect(samples.map((s) => s.ts)).toEqual([...samples.map((s) => s.ts)].sort((a, b) => a - b));
    expect(sut.flush()).toEqual([]);
  });

  it('samples nothing when its bound is 0', () => {
    const sut = new PacketSampler(0);
    feed(sut, 100, 2);

    expect(sut.flush()).toEqual([]);
  });
});
