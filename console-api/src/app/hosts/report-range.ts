import type { RangeAnswer } from '@nta/contracts';
import type { ReportRange } from './dto/range-query.dto';

// Overlap, not containment: the interval holding `from` counts (agents align to seconds).
// $1 host, $2 from, $3 to (epoch ms), $4 interface or null for all.
export const REPORT_RANGE_SQL = `agent_id = $1
  AND interval_end > to_timestamp($2 / 1000.0) AND interval_start <= to_timestamp($3 / 1000.0)
  AND ($4::text IS NULL OR interface = $4)`;

export function reportRangeParams(host: string, range: ReportRange): unknown[] {
  return [host, range.from, range.to, range.interface ?? null];
}

/** The part of every range answer that says what was asked. */
export function rangeAnswer(host: string, range: ReportRange): RangeAnswer {
  return { from: range.from, host, interface: range.interface ?? null, to: range.to };
}
