// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and a
// real mqtt.js fake agent publishing reports (good, replayed and invalid).
import { allowSlowHashing, call, createToken } from './support/accounts';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

/** The value of one sample line, e.g. `nta_ingest_messages_total{result="accepted"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus /metrics', () => {
  allowSlowHashing();
  let agent: FakeAgent;
  let reader: string;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    const admin = await sut.login();
    reader = (await createToken(sut, admin, 'prometheus', 'read')).token;
    agent = await FakeAgent.connect(sut.brokerUrl, 'met-01');
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const scrape = async () => {
    const res = await call(sut, '/metrics', { token: reader });
    expect(res.status).toBe(200);
    return res.body as string;
  };

  it('needs authentication', async () => {
    const res = await call(sut, '/metrics');

    expect(res.status).toBe(401);
  });

  it('serves the Prometheus text format to a read token', async () => {
    const res = await call(sut, '/metrics', { token: reader });

    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(res.body as string).toContain('# TYPE nta_ingest_messages_total counter');
    expect(res.body as string).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(res.body as string).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('counts accepted, duplicate and rejected reports, ingest lag and connected agents', async () => {
    const now = Date.now();
    for (let seq = 1; seq <= 3; seq++) {
      await agent.publish('stats', testReport('met-01', seq, { intervalStart: now - 1500 }));
    }
    // A replay is the same report again (the 1 s table is keyed by agent, seq and interval).
    await agent.publish('stats', testReport('met-01', 3, { intervalStart: now - 1500 }));
    await agent.publish('stats', '{"not":"a report"}');

    const text = await eventually('all five reports counted', async () => {
      const t = await scrape();
      return sample(t, 'nta_ingest_messages_total{result="rejected"}') === 1 &&
        sample(t, 'nta_ingest_messages_total{result="duplicate"}') === 1
        ? t
        : undefined;
    });

    // Accepted: the online status plus three reports.
    expect(sample(text, 'nta_ingest_messages_total{result="accepted"}')).toBe(4);
    expect(sample(text, 'nta_ingest_rejected_total{kind="stats"}')).toBe(1);
    const lag = sample(text, 'nta_ingest_lag_seconds')!;
    expect(lag).toBeGreaterThan(0.4);
    expect(lag).toBeLessThan(30);
    expect(sample(text, 'nta_agents_connected')).toBe(1);
    // Storage's own numbers ride along: three fresh rows and the replay, in committed batches.
    expect(sample(text, 'nta_ingest_rows_total')).toBe(3);
    expect(sample(text, 'nta_ingest_duplicates_total')).toBe(1);
    expect(sample(text, 'nta_alert_webhooks_total{outcome="delivered"}')).toBe(0);
  });

  it('times the database and HTTP requests by route', async () => {
    await sut.api('/api/hosts/met-01');
    await sut.api('/api/hosts/met-01');

    const text = await eventually('a database probe', async () => {
      const t = await scrape();
      return (sample(t, 'nta_db_ping_seconds_count') ?? 0) >= 1 ? t : undefined;
    });

    expect(sample(text, 'nta_db_up')).toBe(1);
    expect(sample(text, 'nta_db_ping_seconds_sum')).toBeGreaterThan(0);
    expect(
      sample(text, 'nta_http_requests_total{method="GET",route="/api/hosts/:id",status="200"}'),
    ).toBe(2);
    expect(
      sample(text, 'nta_http_request_duration_seconds_count{method="GET",route="/api/hosts/:id"}'),
    ).toBe(2);
    expect(
      sample(text, 'nta_http_requests_total{method="GET",route="/metrics",status="401"}'),
    ).toBe(1);
  });
});
