import type { StatsReport } from '@nta/contracts';

// The batch goes over as one JSON array, mostly the agents' own payload texts (no second
// JSON.stringify), read with json_to_recordset: only the small objects become jsonb, flows and
// talkers stay checked json text (ReportJsonText migration), names and samples are skipped.
// RETURNING lists only the rows ON CONFLICT did not skip, i.e. the new reports.
export const INSERT_BATCH_SQL = `INSERT INTO reports (agent_id, seq, interface, interval_start,
    interval_end, packets, bytes, bytes_in, bytes_out, undecodable, transport, applications,
    direction, flows, flows_other, talkers, quality)
  SELECT "agentId", seq, interface, to_timestamp("intervalStart" / 1000.0),
    to_timestamp("intervalEnd" / 1000.0), (totals->>'packets')::bigint, (totals->>'bytes')::bigint,
    (direction->'in'->>'bytes')::bigint, (direction->'out'->>'bytes')::bigint, undecodable,
    transport, applications, direction, flows, "flowsOther", talkers, quality
  FROM json_to_recordset($1::json) AS u("agentId" text, seq bigint, interface text,
    "intervalStart" float8, "intervalEnd" float8, totals jsonb, undecodable bigint, transport jsonb,
    applications jsonb, direction jsonb, flows json, "flowsOther" jsonb, talkers json,
    quality jsonb)
  ON CONFLICT (agent_id, seq, interval_start) DO NOTHING
  RETURNING agent_id AS "agentId", seq::float8 AS seq,
    round(extract(epoch FROM interval_start) * 1000)::float8 AS start`;

/** Identifies a stored report: a replay has the same agent, seq and interval. */
export const reportKey = (r: { agentId: string; seq: number; start: number }) =>
  `${r.agentId}/${r.seq}/${r.start}`;

/**
 * The $1 of INSERT_BATCH_SQL: each report's payload text where ingest kept it (`texts`), else the
 * validated report written out without what is not stored with it.
 */
export function batchJson(reports: StatsReport[], texts?: WeakMap<StatsReport, string>): string {
  const parts = reports.map((r) => {
    const text = texts?.get(r);
    return text ?? JSON.stringify(storedPart(r));
  });
  return `[${parts.join(',')}]`;
}

function storedPart({ names: _names, samples: _samples, ...stored }: StatsReport) {
  return stored;
}
