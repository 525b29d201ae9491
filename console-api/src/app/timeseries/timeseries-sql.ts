import type { TimeseriesMetric } from '@nta/contracts';

const METRIC_COLUMN: Record<TimeseriesMetric, string> = {
  bytes: 'bytes',
  bytesIn: 'bytes_in',
  bytesOut: 'bytes_out',
  packets: 'packets',
  undecodable: 'undecodable',
};

export interface SeriesScope {
  hosts: string[] | null;
  interface: string | null;
}

/**
 * Sum of a metric per step-wide bucket (aligned to the epoch) over [from, to) of a source.
 * Params: $1 from, $2 to (epoch ms), $3 step (s), $4 hosts (null: whole fleet), $5 interface.
 */
export function seriesSql(source: string, metric: TimeseriesMetric): string {
  // Grouped on the timestamp; the (numeric) epoch conversion then runs once per bucket, not row.
  return `SELECT (extract(epoch FROM bucket) * 1000)::float8 AS t, value FROM (
    SELECT date_bin(make_interval(secs => $3), interval_start, TIMESTAMPTZ '1970-01-01 00:00:00+00')
        AS bucket, SUM(${METRIC_COLUMN[metric]})::float8 AS value
    FROM ${source} AS r
    WHERE interval_start >= to_timestamp($1 / 1000.0)
      AND interval_start < to_timestamp($2 / 1000.0)
      AND ($4::text[] IS NULL OR agent_id = ANY($4)) AND ($5::text IS NULL OR interface = $5)
    GROUP BY 1) s
  ORDER BY bucket`;
}
