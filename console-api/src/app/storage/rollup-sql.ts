import { LEVEL_TABLE } from './partitions';

export type RollupLevel = '1m' | '1h';

export const ROLLUP_SOURCE: Record<RollupLevel, '1s' | '1m'> = { '1h': '1m', '1m': '1s' };
const WIDTH: Record<RollupLevel, string> = { '1h': '1 hour', '1m': '1 minute' };

const big = (expr: string) => `SUM((${expr})::bigint)::bigint`;
const key = 'agent_id, interface, bucket';
const join = (alias: string) =>
  `${alias}.agent_id = b.agent_id AND ${alias}.interface = b.interface AND ${alias}.bucket = b.bucket`;

// Sums of {bytes, packets} objects per key, as one jsonb object per bucket.
const counterObject = (kind: string, column: string) => `SELECT ${key}, '${kind}' AS kind,
    jsonb_object_agg(k, jsonb_build_object('bytes', bytes, 'packets', packets)) AS obj
  FROM (SELECT ${key}, e.key AS k, ${big("e.value->>'bytes'")} AS bytes,
      ${big("e.value->>'packets'")} AS packets
    FROM src CROSS JOIN LATERAL jsonb_each(src.${column}) AS e GROUP BY 1, 2, 3, 4) x
  GROUP BY 1, 2, 3`;

const countObject = (kind: string, path: string) => `SELECT ${key}, '${kind}' AS kind,
    jsonb_object_agg(k, n) AS obj
  FROM (SELECT ${key}, e.key AS k, SUM(e.value::bigint)::bigint AS n
    FROM src CROSS JOIN LATERAL jsonb_each_text(src.${path}) AS e GROUP BY 1, 2, 3, 4) x
  GROUP BY 1, 2, 3`;

const UPSERT = `ON CONFLICT (agent_id, interface, interval_start) DO UPDATE SET reports = EXCLUDED.reports,
  seq = EXCLUDED.seq, packets = EXCLUDED.packets, bytes = EXCLUDED.bytes,
  bytes_in = EXCLUDED.bytes_in, bytes_out = EXCLUDED.bytes_out,
  undecodable = EXCLUDED.undecodable, transport = EXCLUDED.transport,
  applications = EXCLUDED.applications, direction = EXCLUDED.direction, flows = EXCLUDED.flows,
  flows_other = EXCLUDED.flows_other, talkers = EXCLUDED.talkers, quality = EXCLUDED.quality,
  received_at = EXCLUDED.received_at`;

const counters = (b: string, p: string) => `jsonb_build_object('bytes', ${b}, 'packets', ${p})`;
const z = (expr: string) => `COALESCE(${expr}, 0)`;

/**
 * One INSERT … SELECT that rolls the finer rows of [$1, $2) (agents $3, or all when null) into
 * the coarser table, one row per (agent, interface, bucket). Flows and talkers keep the top $4
 * per bucket; what is cut goes into the "other" counters so totals still add up. Re-running it
 * rewrites the same rows (ON CONFLICT DO UPDATE), so a late report just means rolling again.
 */
export function rollupSql(level: RollupLevel): string {
  const source = ROLLUP_SOURCE[level];
  const reports = source === '1s' ? '1' : 'reports';
  const q = (field: string) => `(quality->>'${field}')`;
  // NOT MATERIALIZED: each part reads (and detoasts) only the columns it needs from the
  // partition; a materialized src spilled every report's flows and talkers to disk and read them
  // back eight times (EXPLAIN ANALYZE of a minute of 1,000 agents: 27.6 s → 18.7 s).
  // 1 s rows hold flows and talkers as json (ReportJsonText migration).
  const heavy = source === '1s' ? 'flows::jsonb AS flows' : 'flows';
  const talkers = source === '1s' ? 'talkers::jsonb AS talkers' : 'talkers';
  return `WITH src AS NOT MATERIALIZED (
  SELECT agent_id, interface, interval_start, ${reports} AS reports, seq, packets, bytes, bytes_in,
    bytes_out, undecodable, transport, applications, direction, ${heavy}, flows_other, ${talkers},
    quality,
    date_bin('${WIDTH[level]}', interval_start, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket
  FROM ${LEVEL_TABLE[source]}
  WHERE interval_start >= $1 AND interval_start < $2 AND ($3::text[] IS NULL OR agent_id = ANY($3))
),
b AS (
  SELECT ${key}, SUM(reports)::int AS reports, MAX(seq) AS seq, ${big('packets')} AS packets,
    ${big('bytes')} AS bytes, ${big('bytes_in')} AS bytes_in, ${big('bytes_out')} AS bytes_out,
    ${big('undecodable')} AS undecodable,
    ${big("flows_other->>'bytes'")} AS fo_bytes, ${big("flows_other->>'packets'")} AS fo_packets,
    ${big("talkers->'localOther'->>'bytes'")} AS lo_bytes,
    ${big("talkers->'localOther'->>'packets'")} AS lo_packets,
    ${big("talkers->'remoteOther'->>'bytes'")} AS ro_bytes,
    ${big("talkers->'remoteOther'->>'packets'")} AS ro_packets,
    bool_or(talkers IS NOT NULL) AS has_talkers, bool_or(direction IS NOT NULL) AS has_direction,
    count(quality) AS q_n, ${big(q('captured'))} AS q_captured,
    ${big(q('interfacePackets'))} AS q_interface, ${big(q('drops'))} AS q_drops,
    AVG(${q('coveragePct')}::float8) AS q_coverage, MAX(${q('publishLagMs')}::float8) AS q_lag,
    MAX(${q('queued')}::bigint) AS q_queued, ${big(q('undecodable'))} AS q_undecodable,
    MAX(${q('flowsActive')}::bigint) AS q_active, ${big(q('flowsEvicted'))} AS q_evicted,
    ${big("quality->'tunnels'->>'gre'")} AS q_gre, ${big("quality->'tunnels'->>'vxlan'")} AS q_vxlan
  FROM src GROUP BY 1, 2, 3
),
objects AS (
  ${counterObject('transport', 'transport')}
  UNION ALL ${counterObject('applications', 'applications')}
  UNION ALL ${counterObject('direction', 'direction')}
  UNION ALL ${countObject('reasons', "quality->'undecodableReasons'")}
  UNION ALL ${countObject('links', "quality->'linkTypes'")}
),
flow_groups AS (
  SELECT ${key}, f->>'transport' AS transport, f->>'a' AS a, f->'aPort' AS a_port, f->>'b' AS b,
    f->'bPort' AS b_port, COALESCE(f->'tunnel', 'null'::jsonb) AS tunnel,
    f->>'application' AS application,
    ${big("f->>'bytesAtoB'")} AS bab, ${big("f->>'bytesBtoA'")} AS bba,
    ${big("f->>'packetsAtoB'")} AS pab, ${big("f->>'packetsBtoA'")} AS pba,
    MIN((f->>'firstSeen')::float8) AS first_seen, MAX((f->>'lastSeen')::float8) AS last_seen,
    string_agg(f->>'tcpFlags', '') AS flags
  FROM src CROSS JOIN LATERAL jsonb_array_elements(src.flows) AS f
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
),
flow_ranked AS (
  SELECT *, row_number() OVER (PARTITION BY ${key}
      ORDER BY bab + bba DESC, a COLLATE "C", b COLLATE "C", a_port, b_port,
        transport COLLATE "C", application COLLATE "C", tunnel) AS rn,
    (SELECT COALESCE(string_agg(c, '' ORDER BY strpos('FSRPAUEC', c)), '')
      FROM (SELECT DISTINCT c FROM unnest(string_to_array(flags, NULL)) AS c) l) AS tcp_flags
  FROM flow_groups
),
flow_top AS (
  SELECT ${key},
    COALESCE(jsonb_agg(jsonb_build_object('transport', transport, 'a', a, 'aPort', a_port, 'b', b,
      'bPort', b_port, 'tunnel', tunnel, 'application', application, 'bytesAtoB', bab,
      'bytesBtoA', bba, 'packetsAtoB', pab, 'packetsBtoA', pba, 'firstSeen', first_seen,
      'lastSeen', last_seen, 'tcpFlags', tcp_flags) ORDER BY rn) FILTER (WHERE rn <= $4),
      '[]'::jsonb) AS flows,
    -- Inner tunnel flows are already counted in their outer flow.
    SUM(bab + bba) FILTER (WHERE rn > $4 AND tunnel = 'null'::jsonb) AS cut_bytes,
    SUM(pab + pba) FILTER (WHERE rn > $4 AND tunnel = 'null'::jsonb) AS cut_packets
  FROM flow_ranked GROUP BY 1, 2, 3
),
talker_groups AS (
  SELECT ${key}, s.side, t->>'address' AS address,
    ${big("t->>'bytesIn'")} AS bi, ${big("t->>'bytesOut'")} AS bo,
    ${big("t->>'packetsIn'")} AS pi, ${big("t->>'packetsOut'")} AS po,
    (array_agg(t->>'name' ORDER BY src.interval_start DESC, src.seq DESC)
      FILTER (WHERE t->>'name' IS NOT NULL))[1] AS name
  FROM src CROSS JOIN (VALUES ('local'), ('remote')) AS s(side)
    CROSS JOIN LATERAL jsonb_array_elements(src.talkers->s.side) AS t
  GROUP BY 1, 2, 3, 4, 5
),
talker_ranked AS (
  SELECT *, row_number() OVER (PARTITION BY ${key}, side ORDER BY bi + bo DESC, address COLLATE "C") AS rn
  FROM talker_groups
),
talker_top AS (
  SELECT ${key},
    ${['local', 'remote']
      .map(
        (side) => `COALESCE(jsonb_agg(jsonb_build_object('address', address, 'bytesIn', bi,
      'bytesOut', bo, 'packetsIn', pi, 'packetsOut', po, 'name', name) ORDER BY rn)
      FILTER (WHERE side = '${side}' AND rn <= $4), '[]'::jsonb) AS ${side},
    SUM(bi + bo) FILTER (WHERE side = '${side}' AND rn > $4) AS ${side}_cut_bytes,
    SUM(pi + po) FILTER (WHERE side = '${side}' AND rn > $4) AS ${side}_cut_packets`,
      )
      .join(',\n    ')}
  FROM talker_ranked GROUP BY 1, 2, 3
)
INSERT INTO ${LEVEL_TABLE[level]} AS r (agent_id, interface, interval_start, interval_end, reports,
  seq, packets, bytes, bytes_in, bytes_out, undecodable, transport, applications, direction, flows,
  flows_other, talkers, quality, received_at)
SELECT b.agent_id, b.interface, b.bucket, b.bucket + interval '${WIDTH[level]}', b.reports, b.seq,
  b.packets, b.bytes, b.bytes_in, b.bytes_out, b.undecodable,
  COALESCE(ot.obj, '{}'::jsonb), COALESCE(oa.obj, '{}'::jsonb),
  CASE WHEN b.has_direction THEN COALESCE(od.obj, '{}'::jsonb) END,
  COALESCE(ft.flows, '[]'::jsonb),
  ${counters(`${z('b.fo_bytes')} + ${z('ft.cut_bytes')}`, `${z('b.fo_packets')} + ${z('ft.cut_packets')}`)},
  CASE WHEN b.has_talkers THEN jsonb_build_object(
    'local', COALESCE(tt.local, '[]'::jsonb),
    'localOther', ${counters(`${z('b.lo_bytes')} + ${z('tt.local_cut_bytes')}`, `${z('b.lo_packets')} + ${z('tt.local_cut_packets')}`)},
    'remote', COALESCE(tt.remote, '[]'::jsonb),
    'remoteOther', ${counters(`${z('b.ro_bytes')} + ${z('tt.remote_cut_bytes')}`, `${z('b.ro_packets')} + ${z('tt.remote_cut_packets')}`)}) END,
  CASE WHEN b.q_n > 0 THEN jsonb_build_object('captured', ${z('b.q_captured')},
    'interfacePackets', b.q_interface, 'coveragePct', b.q_coverage, 'drops', b.q_drops,
    'publishLagMs', ${z('b.q_lag')}, 'queued', ${z('b.q_queued')},
    'undecodable', ${z('b.q_undecodable')}, 'flowsActive', ${z('b.q_active')},
    'flowsEvicted', ${z('b.q_evicted')},
    'tunnels', jsonb_build_object('gre', ${z('b.q_gre')}, 'vxlan', ${z('b.q_vxlan')}),
    'undecodableReasons', COALESCE(orr.obj, '{}'::jsonb), 'linkTypes', COALESCE(ol.obj, '{}'::jsonb)) END,
  now()
FROM b
  LEFT JOIN objects ot ON ${join('ot')} AND ot.kind = 'transport'
  LEFT JOIN objects oa ON ${join('oa')} AND oa.kind = 'applications'
  LEFT JOIN objects od ON ${join('od')} AND od.kind = 'direction'
  LEFT JOIN objects orr ON ${join('orr')} AND orr.kind = 'reasons'
  LEFT JOIN objects ol ON ${join('ol')} AND ol.kind = 'links'
  LEFT JOIN flow_top ft ON ${join('ft')}
  LEFT JOIN talker_top tt ON ${join('tt')}
${UPSERT}`;
}

const bucketOf = (level: RollupLevel) =>
  `date_bin('${WIDTH[level]}', interval_start, TIMESTAMPTZ '1970-01-01 00:00:00+00')`;

/** Finer rows per coarser row in [$1, $2): what a memory-built minute row must match to be used. */
export function bucketCountsSql(level: RollupLevel): string {
  const reports = ROLLUP_SOURCE[level] === '1s' ? 'count(*)' : 'SUM(reports)';
  return `SELECT agent_id AS "agentId", interface, ${reports}::int AS n,
    (extract(epoch FROM ${bucketOf(level)}) * 1000)::float8 AS bucket
  FROM ${LEVEL_TABLE[ROLLUP_SOURCE[level]]}
  WHERE interval_start >= $1 AND interval_start < $2 GROUP BY agent_id, interface, bucket`;
}

/**
 * Buckets before $2 that got finer rows since $1 and whose coarser row no longer holds all of
 * them (a late or replayed report): bucket → agents to roll again. Rows that were already there
 * when the bucket was rolled match its count and are not rolled twice.
 */
export function lateBucketsSql(level: RollupLevel): string {
  const source = LEVEL_TABLE[ROLLUP_SOURCE[level]];
  const reports = ROLLUP_SOURCE[level] === '1s' ? 'count(*)' : 'SUM(s.reports)';
  return `WITH late AS (
  SELECT DISTINCT agent_id, interface, ${bucketOf(level)} AS bucket
  FROM ${source} WHERE received_at >= $1 AND interval_start < $2
),
have AS (
  SELECT l.agent_id, l.interface, l.bucket, ${reports} AS n
  FROM late l JOIN ${source} s ON s.agent_id = l.agent_id AND s.interface = l.interface
    AND s.interval_start >= l.bucket AND s.interval_start < l.bucket + interval '${WIDTH[level]}'
  GROUP BY 1, 2, 3
)
SELECT h.bucket, array_agg(DISTINCT h.agent_id) AS agents
FROM have h LEFT JOIN ${LEVEL_TABLE[level]} d ON d.agent_id = h.agent_id
  AND d.interface = h.interface AND d.interval_start = h.bucket
WHERE d.reports IS DISTINCT FROM h.n GROUP BY 1 ORDER BY 1`;
}

/** Writes `MinuteRow`s ($1, one JSON array) into the 1 m table, replacing what is there. */
export const MINUTE_ROWS_SQL = `INSERT INTO ${LEVEL_TABLE['1m']} AS r (agent_id, interface,
    interval_start, interval_end, reports, seq, packets, bytes, bytes_in, bytes_out, undecodable,
    transport, applications, direction, flows, flows_other, talkers, quality, received_at)
  SELECT "agentId", interface, to_timestamp("intervalStart" / 1000.0),
    to_timestamp("intervalStart" / 1000.0) + interval '1 minute', reports, seq, packets, bytes,
    "bytesIn", "bytesOut", undecodable, transport, applications, direction, flows, "flowsOther",
    talkers, quality, now()
  FROM jsonb_to_recordset($1::jsonb) AS u("agentId" text, interface text, "intervalStart" float8,
    reports int, seq bigint, packets bigint, bytes bigint, "bytesIn" bigint, "bytesOut" bigint,
    undecodable bigint, transport jsonb, applications jsonb, direction jsonb, flows jsonb,
    "flowsOther" jsonb, talkers jsonb, quality jsonb)
${UPSERT}`;
