// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes), and
// real mqtt.js clients as fake agents.
import type { ApiErrorBody, LegacyStatsResponse } from '@nta/contracts';
import { FakeAgent, runningCapture, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

describe('legacy single-host routes', () => {
  let first: FakeAgent;
  let second: FakeAgent | null = null;
  let sut: TestConsole;
  const startedAt = Date.now() - 10_000;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
  }, 30_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await sut?.close();
  }, 30_000);

  it('answers 404 while no agent has connected', async () => {
    const res = await sut.api<ApiErrorBody>('/api/stats');

    expect(res.status).toBe(404);
    expect(res.body.code).toBe('HOST_NOT_FOUND');
  });

  it('uses the only host: interfaces, start, stats, stop', async () => {
    first = await FakeAgent.connect(sut.brokerUrl, 'legacy-01');
    await first.answerCommands((c) =>
      c.type === 'start'
        ? { data: runningCapture(c.interface ?? 'eth0', startedAt), error: null, ok: true }
        : {
            data: { error: null, filter: null, interface: null, running: false, startedAt: null },
            error: null,
            ok: true,
          },
    );
    await first.online();
    await first.publish('interfaces', {
      agentId: 'legacy-01',
      interfaces: ['eth0', 'lo'].map((name) => ({
        addresses: [],
        description: null,
        isDefault: name === 'eth0',
        mac: null,
        mtu: 1500,
        name,
        up: true,
      })),
      ts: Date.now(),
    });
    const names = await eventually('interfaces', async () => {
      const r = await sut.api<string[]>('/api/interfaces');
      return r.status === 200 && r.body.length ? r.body : undefined;
    });
    expect(names).toEqual(['eth0', 'lo']);

    const started = await sut.api('/api/start_capture', {
      body: JSON.stringify({ interface: 'eth0' }),
      method: 'POST',
    });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ host: 'legacy-01', interface: 'eth0', status: 'started' });

    // One report before the capture started must not count; two after it do.
    await first.publish(
      'stats',
      testReport('legacy-01', 1, {
        intervalEnd: startedAt - 5000,
        intervalStart: startedAt - 6000,
      }),
    );
    await first.publish('stats', testReport('legacy-01', 2));
    await first.publish('stats', testReport('legacy-01', 3));
    const stats = await eventually('stats summed', async () => {
      const r = await sut.api<LegacyStatsResponse>('/api/stats');
      return r.body.packet_count === 10 ? r.body : undefined;
    });
    expect(stats).toEqual({
      capturing: true,
      host: 'legacy-01',
      interface: 'eth0',
      packet_count: 10,
      protocols: { ARP: 0, ICMP: 0, ICMPv6: 0, Other: 0, TCP: 4, UDP: 6 },
      total_bytes: 3000,
    });

    // Newer transports appear once seen, beside the Flask tool's keys.
    const sctp = testReport('legacy-01', 4, { totals: { bytes: 100, packets: 1 } });
    sctp.transport = {
      ...sctp.transport,
      sctp: { bytes: 100, packets: 1 },
      tcp: { bytes: 0, packets: 0 },
      udp: { bytes: 0, packets: 0 },
    };
    await first.publish('stats', sctp);
    const withSctp = await eventually('sctp counted', async () => {
      const r = await sut.api<LegacyStatsResponse>('/api/stats');
      return r.body.packet_count === 11 ? r.body : undefined;
    });
    expect(withSctp.protocols).toEqual({
      ARP: 0,
      ICMP: 0,
      ICMPv6: 0,
      Other: 0,
      SCTP: 1,
      TCP: 4,
      UDP: 6,
    });

    const stopped = await sut.api('/api/stop_capture', { body: '{}', method: 'POST' });
    expect(stopped.body).toEqual({ host: 'legacy-01', status: 'stopped' });
  });

  it('asks which host once there are several, and accepts ?host= / body.host', async () => {
    second = await FakeAgent.connect(sut.brokerUrl, 'legacy-02');
    await second.answerCommands(() => ({ data: runningCapture('eth0'), error: null, ok: true }));
    await second.online();
    const ambiguous = await eventually('ambiguous', async () => {
      const r = await sut.api<ApiErrorBody>('/api/stats');
      return r.status === 400 ? r.body : undefined;
    });
    expect(ambiguous.code).toBe('AMBIGUOUS_HOST');
    expect(ambiguous.message).toContain('legacy-01, legacy-02');

    const named = await sut.api<LegacyStatsResponse>('/api/stats?host=legacy-02');
    expect(named.status).toBe(200);
    expect(named.body.host).toBe('legacy-02');
    const start = await sut.api('/api/start_capture', {
      body: JSON.stringify({ host: 'legacy-02' }),
      method: 'POST',
    });
    expect(start.body).toEqual({ host: 'legacy-02', interface: 'eth0', status: 'started' });
    const unknown = await sut.api<ApiErrorBody>('/api/stats?host=nobody');
    expect(unknown.status).toBe(404);
  });
});
