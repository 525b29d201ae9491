// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes), and a
// real mqtt.js client as a fake agent.
import type {
  ApiErrorBody,
  HostStatsResponse,
  HostStatsWithAnalysisResponse,
  HostSummary,
  Page,
} from '@nta/contracts';
import type { IngestCounters } from '../../src/app/ingest/ingest-stats';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('ingest over MQTT', () => {
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'ingest-01');
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const counters = async () => (await sut.api<IngestCounters>('/api/ingest/stats')).body;

  it('lists the agent as an online host from its status', async () => {
    const host = await eventually('host listed', async () => {
      const hosts = (await sut.api<Page<HostSummary>>('/api/hosts')).body.items;
      return hosts.find((h) => h.id === 'ingest-01');
    });

    expect(host.online).toBeTrue();
    expect(host.hostname).toBe('ingest-01.test');
    expect(host.version).toBe('9.9.9');
  });

  it('stores a report published twice with the same seq once', async () => {
    const report = testReport('ingest-01', 10);
    await agent.publish('stats', report);
    await agent.publish('stats', report);
    await eventually('both deliveries handled', async () =>
      (await counters()).duplicates >= 1 ? true : undefined,
    );

    const rows = await queryTestDatabase<{ n: string }>(
      sut.db.url,
      "SELECT count(*) AS n FROM reports WHERE agent_id = 'ingest-01' AND seq = 10",
    );
    expect(rows[0].n).toBe('1');
    const stats = await sut.api<HostStatsWithAnalysisResponse>(
      `/api/hosts/ingest-01/stats?from=${report.intervalStart - 1}&to=${report.intervalEnd}`,
    );
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toEqual({ bytes: 1500, packets: 5 });
    expect(stats.body.points).toEqual([
      {
        bytes: 1500,
        interface: 'eth0',
        intervalEnd: report.intervalEnd,
        intervalStart: report.intervalStart,
        packets: 5,
        seq: 10,
        transport: report.transport,
        undecodable: 0,
        applications: report.applications,
        direction: report.direction,
        quality: report.quality,
      },
    ]);
  });

  it('returns the points whose interval overlaps [from, to]', async () => {
    const report = testReport('ingest-01', 10);
    const seqs = async (from: number, to: number) =>
      (
        await sut.api<HostStatsResponse>(`/api/hosts/ingest-01/stats?from=${from}&to=${to}`)
      ).body.points.map((p) => p.seq);
    const { intervalEnd: end, intervalStart: start } = await eventually('report 10', async () => {
      const r = await sut.api<HostStatsResponse>('/api/hosts/ingest-01/stats');
      return r.body.points.find((p) => p.seq === 10);
    });
    expect(end - start).toBe(report.intervalEnd - report.intervalStart);

    expect(await seqs(start + 500, start + 600)).toEqual([10]);
    expect(await seqs(end, end + 1000)).toEqual([]);
    expect(await seqs(start - 2000, start - 1)).toEqual([]);
  });

  it('rejects and counts a malformed report, then stores the next good one', async () => {
    const before = await counters();
    await agent.publish('stats', { ...testReport('ingest-01', 11), totals: { bytes: 'many' } });
    await agent.publish('stats', '{"truncated":');
    await agent.publish(
      'stats',
      testReport('ingest-01', 12, { totals: { bytes: 70, packets: 7 } }),
    );

    const after = await eventually('the good report stored', async () => {
      const c = await counters();
      return c.accepted > before.accepted ? c : undefined;
    });
    expect(after.rejected).toBe(before.rejected + 2);
    expect(after.lastRejection).toContain('nta/v1/agents/ingest-01/stats');
    const seqs = await queryTestDatabase<{ seq: string }>(
      sut.db.url,
      "SELECT seq FROM reports WHERE agent_id = 'ingest-01' ORDER BY seq",
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual([10, 12]);
  });

  it('shows the live rate from the latest report', async () => {
    // Hosts and rates are updated just after the batch commits (and the counter moves).
    const rate = await eventually('the host with its live rate', async () => {
      const res = await sut.api<HostSummary>('/api/hosts/ingest-01');
      return res.status === 200 && res.body.rate.packetsPerSec > 0 ? res.body.rate : undefined;
    });

    expect(rate).toEqual({ bytesPerSec: 70, packetsPerSec: 7 });
  });

  it('answers bad stats params with 400 and unknown hosts with 404', async () => {
    const bad = await sut.api<ApiErrorBody>('/api/hosts/ingest-01/stats?from=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(bad.body.message).toContain('from');

    const reversed = await sut.api<ApiErrorBody>('/api/hosts/ingest-01/stats?from=20&to=10');
    expect(reversed.status).toBe(400);

    const missing = await sut.api<ApiErrorBody>('/api/hosts/nobody/stats');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('HOST_NOT_FOUND');
  });

  it('serves the interfaces the agent published', async () => {
    await agent.publish('interfaces', {
      agentId: 'ingest-01',
      interfaces: [
        {
          addresses: [],
          description: null,
          isDefault: true,
          mac: null,
          mtu: 1500,
          name: 'eth0',
          up: true,
        },
      ],
      ts: Date.now(),
    });

    const res = await eventually('interfaces stored', async () => {
      const r = await sut.api<{ interfaces: { name: string }[]; updatedAt: number | null }>(
        '/api/hosts/ingest-01/interfaces',
      );
      return r.body.interfaces.length ? r : undefined;
    });
    expect(res.body.interfaces.map((i) => i.name)).toEqual(['eth0']);
    expect(res.body.updatedAt).toEqual(jasmine.any(Number));
  });

  it('refuses a report Postgres cannot store, and stores the rest of its batch as sent', async () => {
    const before = await counters();
    const poisoned = testReport('ingest-01', 20);
    poisoned.talkers.remote = [
      {
        address: '192.0.2.9',
        bytesIn: 1,
        bytesOut: 1,
        name: 'x\u0000',
        packetsIn: 1,
        packetsOut: 1,
      },
    ];
    // Integers written with a fraction or an exponent: accepted, and their JSON columns written
    // out again, since the rollup's bigint casts would refuse "600.0".
    const fraction = JSON.stringify(testReport('ingest-01', 22))
      .replace('"bytesAtoB":600,', '"bytesAtoB":600.0,')
      .replace('"tcp":{"bytes":1200,', '"tcp":{"bytes":1.2e3,');
    expect(fraction).toContain('"bytesAtoB":600.0,');
    expect(fraction).toContain('"tcp":{"bytes":1.2e3,');
    await Promise.all([
      agent.publish('stats', poisoned),
      agent.publish('stats', testReport('ingest-01', 21, { totals: { bytes: 90, packets: 9 } })),
      agent.publish('stats', fraction),
    ]);

    const after = await eventually('the good reports stored', async () => {
      const c = await counters();
      return c.accepted >= before.accepted + 2 ? c : undefined;
    });
    expect(after.rejected).toBe(before.rejected + 1);
    expect(after.lastRejection).toContain(
      'talkers.remote.0.name: contains \\u0000, which Postgres cannot store',
    );
    const rows = await queryTestDatabase<{ a2b: string; bytes: string; seq: string; tcp: string }>(
      sut.db.url,
      `SELECT seq, bytes, flows::jsonb -> 0 ->> 'bytesAtoB' AS a2b, transport -> 'tcp' ->> 'bytes' AS tcp
       FROM reports WHERE agent_id = 'ingest-01' AND seq >= 20 ORDER BY seq`,
    );
    expect(rows.map((r) => [Number(r.seq), Number(r.bytes), r.a2b, r.tcp])).toEqual([
      [21, 90, '600', '1200'],
      [22, testReport('ingest-01', 22).totals.bytes, '600', '1200'],
    ]);
  });
});
