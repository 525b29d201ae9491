// The baseline: the same report rows the console stores, written with one plain COPY into an
// unpartitioned table of the same columns in the same Postgres (what Postgres can take at best).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { withClient } from '../lib/database.mjs';
import { reportTemplate } from '../lib/report-template.mjs';

const COLUMNS = `agent_id, seq, interface, interval_start, interval_end, packets, bytes, bytes_in,
  bytes_out, undecodable, transport, applications, direction, flows, flows_other, talkers, quality`;

// COPY text format: tab-separated, backslash escapes.
const text = (v) =>
  String(v).replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n');

function* lines(rows, agents) {
  const templates = Array.from({ length: agents }, (_, i) => reportTemplate(`copy-${i}`));
  const t0 = Date.now() - rows * 1000;
  for (let n = 0; n < rows; n++) {
    const agent = n % agents;
    const r = JSON.parse(templates[agent].render(n, t0 + Math.floor(n / agents) * 1000));
    yield (
      [
        r.agentId,
        r.seq,
        r.interface,
        new Date(r.intervalStart).toISOString(),
        new Date(r.intervalEnd).toISOString(),
        r.totals.packets,
        r.totals.bytes,
        r.direction.in.bytes,
        r.direction.out.bytes,
        r.undecodable,
        JSON.stringify(r.transport),
        JSON.stringify(r.applications),
        JSON.stringify(r.direction),
        JSON.stringify(r.flows),
        JSON.stringify(r.flowsOther),
        JSON.stringify(r.talkers),
        JSON.stringify(r.quality),
      ]
        .map(text)
        .join('\t') + '\n'
    );
  }
}

/** Rows per second of one COPY of `rows` report rows (the text is built before timing). */
export async function copyRowsPerSecond(url, rows, agents) {
  const body = [...lines(rows, agents)].join('');
  return withClient(url, async (c) => {
    await c.query(`CREATE TABLE copy_baseline (LIKE reports INCLUDING DEFAULTS,
      PRIMARY KEY (agent_id, seq, interval_start))`);
    const started = process.hrtime.bigint();
    await pipeline(
      Readable.from([body]),
      c.query(copyFrom(`COPY copy_baseline (${COLUMNS}) FROM STDIN`)),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await c.query('DROP TABLE copy_baseline');
    return rows / seconds;
  });
}
