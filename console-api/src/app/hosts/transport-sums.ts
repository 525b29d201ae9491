import { TRANSPORT_NAMES, type TransportCounters } from '@nta/contracts';

// Rows stored before sctp/gre/esp existed lack those keys: SUM skips the nulls, COALESCE says 0.
const slot = (name: string, field: 'bytes' | 'packets') =>
  `COALESCE(SUM((transport->'${name}'->>'${field}')::bigint), 0)::float8 AS ${name}_${field}`;

/** SELECT columns summing every transport slot of the `reports` rows in scope. */
export const TRANSPORT_SUM_COLUMNS = TRANSPORT_NAMES.flatMap((n) => [
  slot(n, 'packets'),
  slot(n, 'bytes'),
]).join(', ');

export function readTransportSums(row: Record<string, number>): TransportCounters {
  return Object.fromEntries(
    TRANSPORT_NAMES.map((n) => [n, { bytes: row[`${n}_bytes`], packets: row[`${n}_packets`] }]),
  ) as TransportCounters;
}
