// Starts: a fresh Postgres database with the storage services (no HTTP, no MQTT). Reports go in
// through ReportsService.insertBatch and, as ingest does after each commit, into MinuteRollup.
import { emptyStatsReport, type StatsReport } from '@nta/contracts';
import fc from 'fast-check';
import { MinuteRollup } from '../../../src/app/storage/minute-rollup';
import { MINUTE_ROWS_SQL, rollupSql } from '../../../src/app/storage/rollup-sql';
import { secondReport, type StorageHarness, startStorage } from '../support/storage-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TOP_N = 3;

// Small pools so flows, talkers and byte counts collide: grouping and tie order get exercised.
const counters = fc.record({ bytes: fc.nat(40), packets: fc.nat(4) });
const flow = (start: number) =>
  fc.record({
    a: fc.constantFrom('10.0.0.2', '10.0.0.10', 'fe80::1'),
    aPort: fc.constantFrom(null, 53, 1000),
    application: fc.constantFrom('http', 'dns', 'tls'),
    b: fc.constantFrom('192.0.2.1', '192.0.2.10', '2001:db8::1'),
    bPort: fc.constantFrom(null, 80, 443),
    bytesAtoB: fc.nat(4).map((n) => n * 10),
    bytesBtoA: fc.nat(2).map((n) => n * 10),
    firstSeen: fc.nat(999).map((n) => start + n),
    lastSeen: fc.nat(999).map((n) => start + n),
    packetsAtoB: fc.nat(3),
    packetsBtoA: fc.nat(3),
    tcpFlags: fc.subarray([...'FSRPAUEC']).map((l) => l.join('')),
    transport: fc.constantFrom('tcp', 'udp'),
    tunnel: fc.constantFrom(null, null, 'vxlan' as const, 'gre' as const),
  });
const talker = fc.record({
  address: fc.constantFrom('10.0.0.2', '10.0.0.3', '192.0.2.1', '2001:db8::1'),
  bytesIn: fc.nat(3).map((n) => n * 10),
  bytesOut: fc.nat(3).map((n) => n * 10),
  name: fc.constantFrom(null, 'one.example', 'two.example'),
  packetsIn: fc.nat(3),
  packetsOut: fc.nat(3),
});
// An agent lists each address once per side and report.
const talkers = fc.uniqueArray(talker, { maxLength: 3, selector: (t) => t.address });
const nullableCount = fc.option(fc.nat(1000), { nil: null });

function reportArb(hourStart: number, seq: number): fc.Arbitrary<StatsReport> {
  return fc
    .record({
      agent: fc.constantFrom('m1', 'm2'),
      iface: fc.constantFrom('eth0', 'eth1'),
      second: fc.nat(3 * 60 - 1),
    })
    .chain(({ agent, iface, second }) => {
      const start = hourStart + second * 1000;
      return fc
        .record({
          applications: fc.dictionary(fc.constantFrom('http', 'dns', 'tls', 'ssh'), counters),
          coveragePct: fc.option(
            fc.nat(200).map((n) => n / 2),
            { nil: null },
          ),
          direction: fc.record({ in: counters, local: counters, other: counters, out: counters }),
          drops: nullableCount,
          flows: fc.array(flow(start), { maxLength: 6 }),
          flowsOther: counters,
          interfacePackets: nullableCount,
          linkTypes: fc.dictionary(fc.constantFrom('105', '113'), fc.nat(5)),
          local: talkers,
          localOther: counters,
          n: fc.nat(9),
          reasons: fc.dictionary(fc.constantFrom('truncated', 'bad-ipv4'), fc.nat(5)),
          remote: talkers,
          remoteOther: counters,
          tcp: counters,
          totals: counters,
        })
        .map((g) => {
          const r = emptyStatsReport({
            agentId: agent,
            interface: iface,
            intervalEnd: start + 1000,
            intervalStart: start,
            seq,
          });
          r.applications = g.applications;
          r.direction = g.direction;
          r.flows = g.flows;
          r.flowsOther = g.flowsOther;
          r.talkers = {
            local: g.local,
            localOther: g.localOther,
            remote: g.remote,
            remoteOther: g.remoteOther,
          };
          r.totals = g.totals;
          r.transport.tcp = g.tcp;
          r.undecodable = g.n;
          r.quality = {
            ...r.quality,
            captured: g.totals.packets,
            coveragePct: g.coveragePct,
            drops: g.drops,
            flowsActive: g.n * 3,
            flowsEvicted: g.n % 4,
            interfacePackets: g.interfacePackets,
            linkTypes: g.linkTypes,
            publishLagMs: g.n * 7,
            queued: g.n % 3,
            tunnels: { gre: g.n % 2, vxlan: g.n % 5 },
            undecodable: g.n,
            undecodableReasons: g.reasons,
          };
          return r;
        });
    });
}

describe('1-minute rows summed in memory', () => {
  const hourStart = Math.floor((Date.now() - 2 * HOUR) / HOUR) * HOUR;
  const [from, to] = [new Date(hourStart), new Date(hourStart + 3 * MINUTE)];
  let sut: StorageHarness;

  beforeAll(async () => {
    sut = await startStorage({ NTA_ROLLUP_DELAY: '0', NTA_ROLLUP_TOP_N: String(TOP_N) });
    await sut.partitions.ensure('1m', from, to);
  }, 30_000);

  afterAll(() => sut?.close(), 30_000);

  const minuteRows = () =>
    sut.query<{ row: unknown }>(
      `SELECT to_jsonb(t) - 'received_at' AS row FROM reports_1m t
       ORDER BY agent_id, interface, interval_start`,
    );

  it('are the rows the SQL rollup writes from the same 1 s rows', async () => {
    const batches = fc
      .array(fc.nat(), { maxLength: 40, minLength: 1 })
      .chain((seeds) => fc.tuple(...seeds.map((_, i) => reportArb(hourStart, i + 1))));
    await fc.assert(
      fc.asyncProperty(batches, async (reports) => {
        await sut.query('TRUNCATE reports, reports_1m');
        const memory = new MinuteRollup();
        for (const r of await sut.reports.insertBatch(reports)) memory.add(r);

        const rows = [...memory.take(from.getTime(), to.getTime(), TOP_N).values()];
        await sut.query(MINUTE_ROWS_SQL, [JSON.stringify(rows)]);
        const fromMemory = await minuteRows();
        await sut.query(rollupSql('1m'), [from, to, null, TOP_N]);

        expect(fromMemory).toEqual(await minuteRows());
      }),
      { numRuns: 30 },
    );
  });

  it('are used by the rollup when they hold every stored report, SQL rolls the rest', async () => {
    await sut.query('TRUNCATE reports, reports_1m');
    const reports = [
      ...Array.from({ length: 60 }, (_, s) => secondReport('fed', s + 1, hourStart + s * 1000)),
      ...Array.from({ length: 60 }, (_, s) => secondReport('part', s + 1, hourStart + s * 1000)),
    ];
    for (const r of await sut.reports.insertBatch(reports)) {
      // One of 'part''s reports never reached memory (another console stored it, say).
      if (r.agentId !== 'part' || r.seq !== 30) sut.minutes.add(r);
    }
    const before = sut.metrics.rollupMinutesFromMemory;

    await sut.rollup.roll('1m', new Date(hourStart + 2 * MINUTE));

    expect(sut.metrics.rollupMinutesFromMemory - before).toBe(1);
    const stored = await sut.query<{ agent_id: string; bytes: string; reports: number }>(
      `SELECT agent_id, bytes, reports FROM reports_1m ORDER BY agent_id`,
    );
    const bytes = reports.slice(0, 60).reduce((t, r) => t + r.totals.bytes, 0);
    expect(stored).toEqual([
      { agent_id: 'fed', bytes: String(bytes), reports: 60 },
      { agent_id: 'part', bytes: String(bytes), reports: 60 },
    ]);
  });
});
