// History generated straight into the tables with generate_series: 1 h rows for 30 days and
// 1 min rows for the last `minuteDays` of every host, 1 s rows for the last two minutes of every
// host and for the last 24 h of one host (the baseline), and rollup marks that match.
import { withClient } from '../lib/database.mjs';

const HOST = (h) => `'bench-h-' || lpad(${h}::text, 3, '0')`;
// Bytes vary by host and time so sums are not constant; jsonb kept small (these queries sum scalars).
const row = (h, t, seconds) => `${HOST(h)}, 'eth0', ${t}, ${t} + interval '${seconds} seconds',
  ((1000 + (${h} * 7 + (extract(epoch FROM ${t})::bigint / ${seconds})) % 500) * ${seconds})::bigint,
  (10 * ${seconds})::bigint, (600 * ${seconds})::bigint, (400 * ${seconds})::bigint, 0::bigint,
  '{"tcp":{"bytes":900,"packets":8},"udp":{"bytes":100,"packets":2}}'::jsonb,
  now() - interval '2 days'`;
const COLUMNS = `agent_id, interface, interval_start, interval_end, bytes, packets, bytes_in,
  bytes_out, undecodable, transport, received_at`;

function monthsBack(now, days) {
  const names = [];
  for (
    let d = new Date(now - days * 86_400_000);
    d <= now;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    names.push({
      from,
      suffix: `m${from.getUTCFullYear()}${String(from.getUTCMonth() + 1).padStart(2, '0')}`,
      to,
    });
  }
  return names;
}

function daysBack(now, days) {
  const out = [];
  for (let i = days; i >= -1; i--) {
    const from = new Date(Math.floor((now - i * 86_400_000) / 86_400_000) * 86_400_000);
    const to = new Date(from.getTime() + 86_400_000);
    const iso = from.toISOString();
    out.push({ from, suffix: `d${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`, to });
  }
  return out;
}

export async function generateHistory(url, { hosts, hourDays, minuteDays, log }) {
  const now = Date.now();
  await withClient(url, async (c) => {
    const part = async (table, p) =>
      c.query(`CREATE TABLE IF NOT EXISTS ${table}_${p.suffix} PARTITION OF ${table}
        FOR VALUES FROM ('${p.from.toISOString()}') TO ('${p.to.toISOString()}')`);
    for (const p of monthsBack(now, hourDays)) await part('reports_1h', p);
    for (const p of monthsBack(now, minuteDays)) await part('reports_1m', p);
    for (const p of daysBack(now, 1)) await part('reports', p);
    await c.query(`INSERT INTO hosts (id, online, last_seen)
      SELECT ${HOST('h')}, true, now() FROM generate_series(0, ${hosts - 1}) h`);

    const hourMark = `date_bin('1 hour', now(), TIMESTAMPTZ 'epoch')`;
    const minuteMark = `date_bin('1 minute', now(), TIMESTAMPTZ 'epoch') - interval '1 minute'`;
    let t0 = Date.now();
    await c.query(`INSERT INTO reports_1h (${COLUMNS}, reports, seq)
      SELECT ${row('h', 't', 3600)}, 3600, 0
      FROM generate_series(0, ${hosts - 1}) h,
        generate_series(${hourMark} - interval '${hourDays} days', ${hourMark} - interval '1 hour', interval '1 hour') t`);
    log(
      `1 h rows: ${hosts} hosts × ${hourDays} days in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = Date.now();
    for (let d = minuteDays; d > 0; d--) {
      await c.query(`INSERT INTO reports_1m (${COLUMNS}, reports, seq)
        SELECT ${row('h', 't', 60)}, 60, 0
        FROM generate_series(0, ${hosts - 1}) h,
          generate_series(${minuteMark} - interval '${d} days',
            LEAST(${minuteMark} - interval '${d - 1} days', ${minuteMark}) - interval '1 minute',
            interval '1 minute') t`);
    }
    log(
      `1 min rows: ${hosts} hosts × ${minuteDays} days in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = Date.now();
    // 1 s rows after the minute mark for every host, and a whole day of them for the baseline host.
    await c.query(`INSERT INTO reports (${COLUMNS}, seq)
      SELECT ${row('h', 't', 1)}, extract(epoch FROM t)::bigint
      FROM generate_series(0, ${hosts - 1}) h,
        generate_series(${minuteMark}, now() - interval '1 second', interval '1 second') t`);
    await c.query(`INSERT INTO reports (${COLUMNS}, seq)
      SELECT ${row(0, 't', 1)}, extract(epoch FROM t)::bigint
      FROM generate_series(${minuteMark} - interval '1 day', ${minuteMark} - interval '1 second', interval '1 second') t`);
    log(`1 s rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await c.query(`UPDATE storage_rollups SET rolled_until = ${minuteMark}, scanned_from = now()
      WHERE resolution = '1m'`);
    await c.query(`UPDATE storage_rollups SET rolled_until = ${hourMark}, scanned_from = now()
      WHERE resolution = '1h'`);
    t0 = Date.now();
    await c.query('ANALYZE');
    log(`ANALYZE in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const sizes = await c.query(`SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size
      FROM pg_class WHERE relname IN ('reports', 'reports_1m', 'reports_1h')`);
    const counts = await c.query(`SELECT (SELECT count(*) FROM reports) AS s,
      (SELECT count(*) FROM reports_1m) AS m, (SELECT count(*) FROM reports_1h) AS h`);
    log(`rows: 1 s ${counts.rows[0].s}, 1 min ${counts.rows[0].m}, 1 h ${counts.rows[0].h}`);
    void sizes;
  });
}
