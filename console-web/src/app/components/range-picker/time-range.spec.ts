import { customRange, presetRange, stepFor } from './time-range';

describe('time-range', () => {
  it('picks nice steps giving at most about 300 buckets', () => {
    expect(stepFor(0, 300_000)).toBe(1);
    expect(stepFor(0, 3_600_000)).toBe(30);
    expect(stepFor(0, 86_400_000)).toBe(300);
    expect(stepFor(0, 604_800_000)).toBe(3600);
  });

  it('ends a preset at now', () => {
    expect(presetRange('1h', 10_000_000)).toEqual({
      from: 6_400_000,
      preset: '1h',
      to: 10_000_000,
    });
  });

  it('accepts a custom range in order and explains a bad one', () => {
    expect(customRange('2026-01-01T10:00', '2026-01-01T11:00')).toEqual(
      jasmine.objectContaining({ preset: 'custom' }),
    );
    expect(customRange('2026-01-01T11:00', '2026-01-01T10:00')).toContain('before the end');
    expect(customRange('', '2026-01-01T10:00')).toContain('both');
  });
});
