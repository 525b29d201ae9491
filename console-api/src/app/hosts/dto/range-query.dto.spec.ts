import { validate } from '@nta/contracts';
import {
  DEFAULT_RANGE_MS,
  MAX_RANGE_MS,
  RANGE_QUERY_SCHEMA,
  resolveRange,
} from './range-query.dto';

describe(resolveRange.name, () => {
  const sut = RANGE_QUERY_SCHEMA;

  it('defaults to the last 5 minutes', () => {
    const before = Date.now();
    const range = sut.parse({});

    expect(range.to).toBeGreaterThanOrEqual(before);
    expect(range.to - range.from).toBe(DEFAULT_RANGE_MS);
    expect(sut.parse({ to: '600000' })).toEqual({ from: 600_000 - DEFAULT_RANGE_MS, to: 600_000 });
  });

  it('keeps an explicit range and interface', () => {
    expect(sut.parse({ from: '10', interface: 'eth0', to: '20' })).toEqual({
      from: 10,
      interface: 'eth0',
      to: 20,
    });
  });

  it('names from when it is after to, or the span is over 7 days', () => {
    expect(validate(sut, { from: '20', to: '10' }, 'query')).toEqual({
      error: 'query: from: from must not be after to',
      ok: false,
    });
    const tooLong = validate(sut, { from: '0', to: String(MAX_RANGE_MS + 1) }, 'query');
    expect(tooLong.ok).toBeFalse();
    expect(!tooLong.ok && tooLong.error).toContain('at most 7 days');
    expect(sut.safeParse({ from: '0', to: String(MAX_RANGE_MS) }).success).toBeTrue();
  });
});
