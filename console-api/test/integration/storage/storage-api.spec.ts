// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) with a
// 10 min 1 s retention, and a real mqtt.js client as an agent publishing reports two hours old.
import type {
  ApiErrorBody,
  FleetSummary,
  HostFlowsResponse,
  HostTransportsResponse,
  ReportAck,
  StorageRun,
  StorageStatus,
  TimeseriesResponse,
} from '@nta/contracts';
import { agentTopic } from '@nta/contracts';
import { FakeAgent } from '../support/fake-agent';
import { secondReport } from '../support/storage-harness';
import { eventually, startTestConsole, type TestConsole } from '../support/test-console';
import { queryTestDatabase } from '../support/test-database';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('storage, timeseries and fleet routes', () => {
  // Two closed minutes two hours back: past the 1 s retention, so routes read 1 min rows.
  // Aligned to 2 min so a 120 s step (bucketed from the epoch) holds both.
  const start = Math.floor((Date.now() - 2 * HOUR) / (2 * MINUTE)) * 2 * MINUTE;
  const old = Array.from({ length: 120 }, (_, s) => secondReport('st-01', s + 1, start + s * 1000));
  const oldBytes = old.reduce((t, r) => t + r.totals.bytes, 0);
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole({ NTA_RETENTION_1S: '10m', NTA_ROLLUP_DELAY: '0' });
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'st-01');
    const acked = new Set<number>();
    await agent.client.subscribeAsync(agentTopic('st-01', 'ack'), { qos: 1 });
    agent.client.on('message', (_t, payload) => {
      for (const seq of (JSON.parse(payload.toString()) as ReportAck).seqs) acked.add(seq);
    });
    await agent.online();
    await Promise.all(old.map((r) => agent.publish('stats', r)));
    await eventually('all acked', () => (acked.size === old.length ? true : undefined), 10_000);
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  it('answers the storage status only to a signed-in user', async () => {
    const anonymous = await sut.api('/api/storage', { token: null });
    expect(anonymous.status).toBe(401);

    const status = await sut.api<StorageStatus>('/api/storage');
    expect(status.status).toBe(200);
    expect(status.body.levels.map((l) => l.resolution)).toEqual(['1s', '1m', '1h']);
    expect(status.body.levels[0].retentionSeconds).toBe(600);
    expect(status.body.levels[0].partitions.length).toBeGreaterThanOrEqual(3);
    expect(status.body.ingest.rows).toBeGreaterThanOrEqual(old.length);
  });

  it('runs rollup on demand and reports the rows it moved', async () => {
    const run = await sut.api<StorageRun>('/api/storage/run', { method: 'POST' });

    expect(run.status).toBe(200);
    expect(run.body.error).toBeNull();
    expect(run.body.rowsRolledUp['1m']).toBeGreaterThanOrEqual(2);
    const status = (await sut.api<StorageStatus>('/api/storage')).body;
    expect(status.lastRun?.startedAt).toBe(run.body.startedAt);
    expect(status.levels[1].rolledUntil).toBeGreaterThan(start + 2 * MINUTE - 1);
  });

  it('serves analysis of an old range from the 1 min rows with the same totals', async () => {
    const range = `from=${start}&to=${start + 2 * MINUTE - 1}`;
    const rows = await queryTestDatabase<{ n: string }>(
      sut.db.url,
      "SELECT count(*) AS n FROM reports_1m WHERE agent_id = 'st-01'",
    );
    expect(rows[0].n).toBe('2');

    const transports = await sut.api<HostTransportsResponse>(
      `/api/hosts/st-01/transports?${range}`,
    );
    expect(transports.body.totals.bytes).toBe(oldBytes);
    const flows = await sut.api<HostFlowsResponse>(`/api/hosts/st-01/flows?${range}&limit=2`);
    const flowBytes = flows.body.flows.reduce((t, f) => t + f.bytesAtoB + f.bytesBtoA, 0);
    expect(flowBytes + flows.body.others.bytes).toBe(oldBytes);
  });

  it('serves a host series per minute from the 1 min rows', async () => {
    const series = await sut.api<TimeseriesResponse>(
      `/api/timeseries?host=st-01&from=${start}&to=${start + 2 * MINUTE}&step=60`,
    );

    expect(series.status).toBe(200);
    expect(series.body.resolution).toBe('1m');
    expect(series.body.points).toEqual([
      { t: start, value: old.slice(0, 60).reduce((t, r) => t + r.totals.bytes, 0) },
      { t: start + MINUTE, value: old.slice(60).reduce((t, r) => t + r.totals.bytes, 0) },
    ]);
  });

  it('serves the fleet and a group of hosts', async () => {
    const range = `from=${start}&to=${start + 2 * MINUTE}&step=120&metric=packets`;
    const fleet = await sut.api<TimeseriesResponse>(`/api/timeseries?${range}`);
    expect(fleet.body.points).toEqual([
      { t: start, value: old.reduce((t, r) => t + r.totals.packets, 0) },
    ]);

    const patched = await sut.api('/api/hosts/st-01', {
      body: JSON.stringify({ group: 'web' }),
      headers: { 'content-type': 'application/json' },
      method: 'PATCH',
    });
    expect(patched.status).toBe(200);
    const web = await sut.api<TimeseriesResponse>(`/api/timeseries?${range}&group=web`);
    const db = await sut.api<TimeseriesResponse>(`/api/timeseries?${range}&group=db`);
    expect(web.body.points).toEqual(fleet.body.points);
    expect(web.body.scope).toEqual({ group: 'web', host: null });
    expect(db.body.points).toEqual([]);
  });

  it('answers bad series queries with 400 and unknown hosts with 404', async () => {
    const both = await sut.api<ApiErrorBody>('/api/timeseries?from=0&to=1&host=a&group=b');
    const reversed = await sut.api<ApiErrorBody>('/api/timeseries?from=20&to=10');
    const metric = await sut.api<ApiErrorBody>('/api/timeseries?from=0&to=10&metric=joules');
    const unknown = await sut.api<ApiErrorBody>('/api/timeseries?from=0&to=10&host=nobody');

    expect([both.status, reversed.status, metric.status]).toEqual([400, 400, 400]);
    expect(metric.body.message).toContain('metric');
    expect(unknown.status).toBe(404);
  });

  it('sums the last minute of reports in the fleet summary', async () => {
    const now = Date.now();
    await agent.publish('stats', secondReport('st-01', 500, now - 3000));
    await agent.publish('stats', secondReport('st-01', 501, now - 4000));

    const summary = await eventually('fresh reports counted', async () => {
      const s = (await sut.api<FleetSummary>('/api/fleet/summary')).body;
      return s.totals.bytes > 0 ? s : undefined;
    });
    expect(summary.hosts).toEqual({ capturing: 0, offline: 0, online: 1, total: 1 });
    expect(summary.totals.bytes).toBe(2 * secondReport('st-01', 0, 0).totals.bytes);
    expect(summary.transport.udp.bytes).toBe(100);
    expect((await sut.api('/api/fleet/summary', { token: null })).status).toBe(401);
  });
});
