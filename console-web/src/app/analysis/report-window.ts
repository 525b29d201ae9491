import type { StatsReport } from '@nta/contracts';

/** How far back the live panels look, in agent time. */
export const LIVE_WINDOW_MS = 60_000;

export function isRepeat(window: readonly StatsReport[], report: StatsReport): boolean {
  return window.some((r) => r.seq === report.seq && r.interface === report.interface);
}

/**
 * Adds a report, drops a repeat (same interface and seq) and everything that ended a full window
 * before the newest report. Agent time, so a skewed browser clock does not matter.
 */
export function slideWindow(
  current: readonly StatsReport[],
  added: StatsReport,
  windowMs = LIVE_WINDOW_MS,
): StatsReport[] {
  const all = isRepeat(current, added) ? [...current] : [...current, added];
  all.sort((a, b) => a.intervalEnd - b.intervalEnd || a.seq - b.seq);
  const newest = all.at(-1)?.intervalEnd ?? 0;
  return all.filter((r) => r.intervalEnd > newest - windowMs);
}
