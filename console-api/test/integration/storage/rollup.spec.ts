// Starts: a fresh Postgres database with the storage services (no HTTP, no MQTT); reports go in
// through ReportsService.insertBatch, rollup is driven by the test.
import type { Counters, FlowRow, StatsReport, Talkers } from '@nta/contracts';
import { secondReport, type StorageHarness, startStorage } from '../support/storage-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Row {
  bytes: string;
  flows: FlowRow[];
  flows_other: Counters;
  interval_start: Date;
  packets: string;
  reports: number;
  talkers: Talkers;
  transport: Record<string, Counters>;
}

// Outer flows + flowsOther: what the agent reported in all, whatever the top-N cut.
const flowTotal = (flows: FlowRow[], other: Counters) =>
  flows.reduce((t, f) => t + (f.tunnel ? 0 : f.bytesAtoB + f.bytesBtoA), 0) + other.bytes;
const talkerTotal = (t: Talkers, side: 'local' | 'remote') =>
  t[side].reduce((s, r) => s + r.bytesIn + r.bytesOut, 0) + t[`${side}Other`].bytes;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('rollup of 1 s rows into 1 min and 1 h rows', () => {
  // Three closed minutes, two hours back: inside the 1 s retention, in one closed hour.
  const hourStart = Math.floor((Date.now() - 2 * HOUR) / HOUR) * HOUR;
  const reports: StatsReport[] = [];
  let sut: StorageHarness;

  beforeAll(async () => {
    sut = await startStorage({ NTA_ROLLUP_DELAY: '0', NTA_ROLLUP_TOP_N: '2' });
    for (let s = 0; s < 180; s++) reports.push(secondReport('r1', s + 1, hourStart + s * 1000));
    reports.push(secondReport('r2', 1, hourStart + 5000, 1));
    await sut.reports.insertBatch(reports);
  }, 30_000);

  afterAll(() => sut?.close(), 30_000);

  const rows = (table: string, agent = 'r1') =>
    sut.query<Row>(`SELECT * FROM ${table} WHERE agent_id = $1 ORDER BY interval_start`, [agent]);

  it('writes one 1 min row per agent, interface and minute with the 1 s sums', async () => {
    const written = await sut.rollup.roll('1m', new Date());

    const minutes = await rows('reports_1m');
    expect(written).toBe(4);
    expect(minutes.map((m) => m.interval_start.getTime())).toEqual([
      hourStart,
      hourStart + MINUTE,
      hourStart + 2 * MINUTE,
    ]);
    expect(minutes.map((m) => m.reports)).toEqual([60, 60, 60]);
    const r1 = reports.filter((r) => r.agentId === 'r1');
    expect(sum(minutes.map((m) => Number(m.bytes)))).toBe(sum(r1.map((r) => r.totals.bytes)));
    expect(sum(minutes.map((m) => Number(m.packets)))).toBe(sum(r1.map((r) => r.totals.packets)));
    expect(sum(minutes.map((m) => m.transport.udp.bytes))).toBe(180 * 50);
  });

  it('keeps the top N flows and talkers per minute, the rest in others, totals intact', async () => {
    const minutes = await rows('reports_1m');
    const firstMinute = reports.filter((r) => r.agentId === 'r1').slice(0, 60);

    for (const m of minutes) {
      expect(m.flows.length).toBe(2);
      expect(m.talkers.local.length).toBeLessThanOrEqual(2);
    }
    expect(flowTotal(minutes[0].flows, minutes[0].flows_other)).toBe(
      sum(firstMinute.map((r) => flowTotal(r.flows, r.flowsOther))),
    );
    for (const side of ['local', 'remote'] as const) {
      expect(talkerTotal(minutes[0].talkers, side)).toBe(
        sum(firstMinute.map((r) => talkerTotal(r.talkers, side))),
      );
    }
    // The biggest flow of the minute first, flags merged in the agent's order.
    expect(minutes[0].flows[0]).toEqual(
      jasmine.objectContaining({ b: '192.0.2.3', tcpFlags: 'PA', transport: 'tcp' }),
    );
    expect(minutes[0].talkers.remote[0].name).toBe('host-192.0.2.3');
  });

  it('rolls minutes into the hour with the same sums', async () => {
    await sut.rollup.roll('1h', new Date());

    const [minutes, hours] = [await rows('reports_1m'), await rows('reports_1h')];
    expect(hours.length).toBe(1);
    expect(hours[0].interval_start.getTime()).toBe(hourStart);
    expect(hours[0].reports).toBe(180);
    expect(Number(hours[0].bytes)).toBe(sum(minutes.map((m) => Number(m.bytes))));
    expect(flowTotal(hours[0].flows, hours[0].flows_other)).toBe(
      sum(minutes.map((m) => flowTotal(m.flows, m.flows_other))),
    );
    expect(talkerTotal(hours[0].talkers, 'remote')).toBe(
      sum(minutes.map((m) => talkerTotal(m.talkers, 'remote'))),
    );
  });

  it('rewrites identical rows when run again', async () => {
    // Rows that arrived within the last minute are rolled again on purpose (a safety margin).
    const all = (table: string) =>
      sut.query(
        `SELECT to_jsonb(t) - 'received_at' AS row FROM ${table} t ORDER BY agent_id, interval_start`,
      );
    const before = [await all('reports_1m'), await all('reports_1h')];

    await sut.rollup.roll('1m', new Date());
    await sut.rollup.roll('1h', new Date());

    expect([await all('reports_1m'), await all('reports_1h')]).toEqual(before);
  });

  it('rolls a minute again when a late report lands in it, up to the hour', async () => {
    const late = secondReport('r1', 1000, hourStart + MINUTE + 500);
    expect((await sut.reports.insertBatch([late])).size).toBe(1);

    await sut.rollup.roll('1m', new Date());
    await sut.rollup.roll('1h', new Date());

    const minutes = await rows('reports_1m');
    const hours = await rows('reports_1h');
    expect(minutes[1].reports).toBe(61);
    expect(hours[0].reports).toBe(181);
    expect(Number(hours[0].bytes)).toBe(sum(minutes.map((m) => Number(m.bytes))));
  });

  it('reads the same totals from every resolution', async () => {
    const at = async (level: '1h' | '1m' | '1s') => {
      const source =
        level === '1s'
          ? sut.sources.forRange(Date.now())
          : sut.sources.forRange(Date.now() - (level === '1m' ? 2 : 40) * 86_400_000);
      expect(source.level).toBe(level);
      const r = await sut.query<{ bytes: number }>(
        `SELECT SUM(bytes)::float8 AS bytes FROM ${source.sql} AS s WHERE agent_id = 'r1'`,
      );
      return r[0].bytes;
    };

    const total = await at('1s');
    expect(await at('1m')).toBe(total);
    expect(await at('1h')).toBe(total);
  });
});
