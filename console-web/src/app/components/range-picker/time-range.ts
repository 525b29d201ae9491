export type RangePreset = '1h' | '24h' | '5m' | '7d' | 'custom' | 'live';

/** What the host page shows: live reports, or stored history over [from, to]. */
export type TimeRange =
  { preset: 'live' } | { from: number; preset: Exclude<RangePreset, 'live'>; to: number };

export const PRESET_MS: Record<Exclude<RangePreset, 'custom' | 'live'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '5m': 300_000,
  '7d': 604_800_000,
};

export const LIVE_RANGE: TimeRange = { preset: 'live' };

// About this many buckets per chart: detailed enough, and cheap to draw.
const TARGET_POINTS = 300;
const NICE_STEPS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21_600, 43_200, 86_400];

/** Bucket width in seconds for a range: the smallest nice step giving at most ~300 points. */
export function stepFor(from: number, to: number): number {
  const seconds = Math.max(1, (to - from) / 1000);
  const wanted = seconds / TARGET_POINTS;
  return NICE_STEPS.find((s) => s >= wanted) ?? NICE_STEPS[NICE_STEPS.length - 1];
}

export function presetRange(preset: Exclude<RangePreset, 'custom' | 'live'>, now: number) {
  return { from: now - PRESET_MS[preset], preset, to: now } satisfies TimeRange;
}

/** A custom range from two datetime-local values, or a message saying what is wrong. */
export function customRange(from: string, to: string): TimeRange | string {
  const f = Date.parse(from);
  const t = Date.parse(to);
  if (Number.isNaN(f) || Number.isNaN(t)) return 'Give both a start and an end.';
  if (f >= t) return 'The start must be before the end.';
  return { from: f, preset: 'custom', to: t };
}
