import type { StatsReport } from '@nta/contracts';
import { jsonMembers } from './json-members';

// Each report is one VALUES row of plain parameters. The JSON columns are cut from the agent's
// own payload text where ingest kept it (no second JSON.stringify); Postgres checks each of them
// once. Sending the batch as one JSON array for json_to_recordset cost Postgres two more passes
// over every byte: ~240-310 µs a row against ~165 µs, timed on 100-row batches of bench:ingest's
// report.
const COLUMNS = [
  'agent_id',
  'seq',
  'interface',
  'interval_start',
  'interval_end',
  'packets',
  'bytes',
  'bytes_in',
  'bytes_out',
  'undecodable',
  'transport',
  'applications',
  'direction',
  'flows',
  'flows_other',
  'talkers',
  'quality',
] as const;
// The report members stored as JSON, in column order from `transport`.
const JSON_MEMBERS = [
  'transport',
  'applications',
  'direction',
  'flows',
  'flowsOther',
  'talkers',
  'quality',
] as const;

// Postgres takes at most 65 535 parameters in one statement.
export const MAX_ROWS_PER_INSERT = Math.floor(65_535 / COLUMNS.length);

// Row tuples by row index, made once: statements differ only in how many rows they have.
const tuples: string[] = [];

/** The INSERT of `rows` reports; RETURNING lists only the rows ON CONFLICT did not skip. */
export function insertBatchSql(rows: number): string {
  for (let r = tuples.length; r < rows; r++) {
    const $ = (column: number) => `$${r * COLUMNS.length + column + 1}`;
    const cells = COLUMNS.map((_, c) => $(c));
    // Interval bounds go as epoch milliseconds.
    cells[3] = `to_timestamp(${$(3)}::float8 / 1000)`;
    cells[4] = `to_timestamp(${$(4)}::float8 / 1000)`;
    tuples.push(`(${cells.join(', ')})`);
  }
  return `INSERT INTO reports (${COLUMNS.join(', ')}) VALUES ${tuples.slice(0, rows).join(', ')}
  ON CONFLICT (agent_id, seq, interval_start) DO NOTHING
  RETURNING agent_id AS "agentId", seq::float8 AS seq,
    round(extract(epoch FROM interval_start) * 1000)::float8 AS start`;
}

/** Identifies a stored report: a replay has the same agent, seq and interval. */
export const reportKey = (r: { agentId: string; seq: number; start: number }) =>
  `${r.agentId}/${r.seq}/${r.start}`;

/**
 * The parameters of insertBatchSql(reports.length): JSON columns from each report's payload text
 * where ingest kept it (`texts`), else from the validated report written out again.
 */
export function batchParams(
  reports: StatsReport[],
  texts?: WeakMap<StatsReport, string>,
): (string | number)[] {
  const params: (string | number)[] = [];
  for (const r of reports) {
    params.push(
      r.agentId,
      r.seq,
      r.interface,
      r.intervalStart,
      r.intervalEnd,
      r.totals.packets,
      r.totals.bytes,
      r.direction.in.bytes,
      r.direction.out.bytes,
      r.undecodable,
    );
    const text = texts?.get(r);
    const members = text === undefined ? null : jsonMembers(text);
    for (const name of JSON_MEMBERS) {
      const member = members?.get(name);
      // Postgres's bigint casts (in the rollup) refuse 5.0 or 1e3 where the schema took an integer.
      params.push(member && !member.fractions ? member.text : JSON.stringify(r[name]));
    }
  }
  return params;
}
