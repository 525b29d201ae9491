import { Backoff } from './backoff';

describe(Backoff.name, () => {
  it('doubles from min to max without jitter, and starts over after reset', () => {
    const sut = new Backoff({ jitter: 0, maxMs: 10_000, minMs: 1_000 });

    const delays = Array.from({ length: 6 }, () => sut.next());
    sut.reset();

    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(sut.next()).toBe(1_000);
  });

  it('moves each delay by up to ±jitter, never past max', () => {
    const low = new Backoff({ jitter: 0.5, maxMs: 4_000, minMs: 1_000 }, () => 0);
    const high = new Backoff({ jitter: 0.5, maxMs: 4_000, minMs: 1_000 }, () => 0.999_999);

    expect([low.next(), low.next(), low.next()]).toEqual([500, 1_000, 2_000]);
    expect([high.next(), high.next(), high.next(), high.next()]).toEqual([
      1_500, 3_000, 4_000, 4_000,
    ]);
  });

  it('spreads a fleet: real random delays differ within the jitter band', () => {
    const delays = Array.from({ length: 20 }, () =>
      new Backoff({ jitter: 0.2, maxMs: 15_000, minMs: 1_000 }).next(),
    );

    expect(new Set(delays).size).toBeGreaterThan(1);
    delays.forEach((d) => expect(d).toBeGreaterThanOrEqual(800));
    delays.forEach((d) => expect(d).toBeLessThanOrEqual(1_200));
  });
});
