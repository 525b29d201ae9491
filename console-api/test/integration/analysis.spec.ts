// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and a
// real mqtt.js fake agent publishing two full reports (one of them twice).
import type {
  ApiErrorBody,
  HostApplicationsResponse,
  HostFlowsResponse,
  HostNamesResponse,
  HostQualityResponse,
  HostStatsWithAnalysisResponse,
  HostTalkersResponse,
  HostTransportsResponse,
  StatsReport,
} from '@nta/contracts';
import type { IngestCounters } from '../../src/app/ingest/ingest-stats';
import { FakeAgent, testFlow, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

const HOST = 'analysis-01';

/** The second after testReport's: more TLS, a QUIC flow, a learned name, worse coverage. */
function secondReport(base: number): StatsReport {
  const start = base + 1000;
  const report = testReport(HOST, 2, { intervalStart: start });
  report.applications = { quic: { bytes: 500, packets: 1 }, tls: { bytes: 2000, packets: 4 } };
  report.transport.tcp = { bytes: 2000, packets: 4 };
  report.transport.udp = { bytes: 500, packets: 1 };
  report.transport.sctp = { bytes: 100, packets: 1 };
  report.totals = { bytes: 2600, packets: 6 };
  report.flows = [
    testFlow(start, {
      application: 'tls',
      b: '93.184.216.34',
      bPort: 443,
      bytesAtoB: 1000,
      bytesBtoA: 1000,
      lastSeen: start + 900,
      packetsAtoB: 2,
      packetsBtoA: 2,
      tcpFlags: 'F',
    }),
    testFlow(start, {
      aPort: 40000,
      application: 'quic',
      b: '1.1.1.1',
      bPort: 443,
      bytesAtoB: 500,
      packetsAtoB: 1,
      transport: 'udp',
    }),
  ];
  report.flowsOther = { bytes: 100, packets: 1 };
  report.talkers = {
    local: [
      {
        address: '10.0.0.2',
        bytesIn: 1000,
        bytesOut: 1500,
        name: null,
        packetsIn: 2,
        packetsOut: 3,
      },
    ],
    localOther: { bytes: 100, packets: 1 },
    remote: [
      {
        address: '93.184.216.34',
        bytesIn: 1000,
        bytesOut: 1000,
        name: null,
        packetsIn: 2,
        packetsOut: 2,
      },
      { address: '1.1.1.1', bytesIn: 500, bytesOut: 0, name: null, packetsIn: 1, packetsOut: 0 },
    ],
    remoteOther: { bytes: 100, packets: 1 },
  };
  report.names = { '1.1.1.1': 'one.one.one.one' };
  report.quality = {
    ...report.quality,
    captured: 6,
    coveragePct: 75,
    drops: 2,
    interfacePackets: 8,
    publishLagMs: 30,
    undecodable: 1,
    undecodableReasons: { 'truncated-ip': 1 },
  };
  return report;
}

describe('analysis routes', () => {
  let agent: FakeAgent;
  let sut: TestConsole;
  let first: StatsReport;
  let second: StatsReport;
  let range: string;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, HOST);
    await agent.online();
    const base = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    first = testReport(HOST, 1, { intervalStart: base });
    second = secondReport(base);
    range = `from=${base}&to=${base + 1999}`;
    await agent.publish('stats', first);
    await agent.publish('stats', second);
    // A replay (an agent resending after a lost PUBACK) must change nothing below.
    await agent.publish('stats', second);
    await eventually('both reports and the replay handled', async () => {
      const c = (await sut.api<IngestCounters>('/api/ingest/stats')).body;
      return c.accepted >= 3 && c.duplicates >= 1 ? true : undefined;
    });
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const get = <T>(route: string, query = range) =>
    sut.api<T>(`/api/hosts/${HOST}/${route}?${query}`);

  it('sums applications over the range, largest first, counting the replay once', async () => {
    const res = await get<HostApplicationsResponse>('applications');

    expect(res.status).toBe(200);
    expect(res.body.applications).toEqual([
      { application: 'tls', bytes: 3200, packets: 6 },
      { application: 'quic', bytes: 500, packets: 1 },
      { application: 'dns', bytes: 300, packets: 3 },
    ]);
    expect(res.body.totals).toEqual({ bytes: 4000, packets: 10 });
    expect(res.body.host).toBe(HOST);
    expect(res.body.interface).toBeNull();
  });

  it('sums every transport, including sctp/gre/esp', async () => {
    const res = await get<HostTransportsResponse>('transports');

    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ bytes: 4100, packets: 11 });
    expect(res.body.transport).toEqual({
      arp: { bytes: 0, packets: 0 },
      esp: { bytes: 0, packets: 0 },
      gre: { bytes: 0, packets: 0 },
      icmp: { bytes: 0, packets: 0 },
      icmpv6: { bytes: 0, packets: 0 },
      other: { bytes: 0, packets: 0 },
      sctp: { bytes: 100, packets: 1 },
      tcp: { bytes: 3200, packets: 6 },
      udp: { bytes: 800, packets: 4 },
    });
  });

  it('merges a flow across seconds: directions summed, first/last seen, flags united', async () => {
    const res = await get<HostFlowsResponse>('flows');

    expect(res.status).toBe(200);
    expect(res.body.flows).toEqual([
      {
        ...first.flows[0],
        bytesAtoB: 1600,
        bytesBtoA: 1600,
        lastSeen: second.flows[0].lastSeen,
        packetsAtoB: 3,
        packetsBtoA: 3,
        tcpFlags: 'FPA',
      },
      second.flows[1],
      first.flows[1],
    ]);
    expect(res.body.others).toEqual({ bytes: 100, packets: 1 });
    expect(res.body.totals).toEqual({ bytes: 4100, packets: 11 });
    expect(res.body.omitted).toBe(0);
  });

  it('puts flows cut by the limit into others, so the totals still add up', async () => {
    const res = await get<HostFlowsResponse>('flows', `${range}&limit=1`);

    expect(res.body.flows.map((f) => f.application)).toEqual(['tls']);
    expect(res.body.omitted).toBe(2);
    expect(res.body.others).toEqual({ bytes: 900, packets: 5 });
    expect(res.body.totals).toEqual({ bytes: 4100, packets: 11 });
  });

  it('merges talkers by address and names them from rows or learned names', async () => {
    const res = await get<HostTalkersResponse>('talkers');

    expect(res.status).toBe(200);
    expect(res.body.local).toEqual([
      {
        address: '10.0.0.2',
        bytesIn: 1800,
        bytesOut: 2200,
        name: null,
        packetsIn: 5,
        packetsOut: 5,
      },
    ]);
    expect(res.body.localOther).toEqual({ bytes: 100, packets: 1 });
    expect(res.body.remote.map((t) => [t.address, t.name, t.bytesIn + t.bytesOut])).toEqual([
      ['93.184.216.34', 'example.com', 3200],
      ['1.1.1.1', 'one.one.one.one', 500],
      ['10.0.0.1', null, 300],
    ]);
    expect(res.body.remoteOther).toEqual({ bytes: 100, packets: 1 });

    const cut = await get<HostTalkersResponse>('talkers', `${range}&limit=1`);
    expect(cut.body.remote.length).toBe(1);
    expect(cut.body.remoteOther).toEqual({ bytes: 900, packets: 5 });
    expect(cut.body.omitted).toEqual({ local: 0, remote: 2 });
  });

  it('serves per-second capture quality with a summary', async () => {
    const res = await get<HostQualityResponse>('quality');

    expect(res.status).toBe(200);
    expect(res.body.points).toEqual([
      {
        captured: 5,
        coveragePct: 100,
        drops: 0,
        interface: 'eth0',
        interfacePackets: 5,
        intervalEnd: first.intervalEnd,
        intervalStart: first.intervalStart,
        publishLagMs: 12,
        queued: 0,
        seq: 1,
        undecodable: 0,
      },
      jasmine.objectContaining({ captured: 6, coveragePct: 75, drops: 2, seq: 2, undecodable: 1 }),
    ]);
    expect(res.body.summary).toEqual({
      avgCoveragePct: 87.5,
      avgPublishLagMs: 21,
      captured: 11,
      drops: 2,
      interfacePackets: 13,
      maxPublishLagMs: 30,
      minCoveragePct: 75,
      reports: 2,
      undecodable: 1,
      undecodableReasons: { 'truncated-ip': 1 },
    });
  });

  it('serves the learned names', async () => {
    const res = await sut.api<HostNamesResponse>(`/api/hosts/${HOST}/names`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      host: HOST,
      names: { '1.1.1.1': 'one.one.one.one', '93.184.216.34': 'example.com' },
    });
  });

  it('adds applications, direction and quality to the stats points', async () => {
    const res = await get<HostStatsWithAnalysisResponse>('stats');

    expect(res.body.points.map((p) => p.seq)).toEqual([1, 2]);
    expect(res.body.points[1]).toEqual(
      jasmine.objectContaining({
        applications: second.applications,
        direction: second.direction,
        quality: second.quality,
        transport: second.transport,
      }),
    );
    expect(res.body.totals).toEqual({ bytes: 4100, packets: 11 });
  });

  it('narrows a range to one interface', async () => {
    const res = await get<HostApplicationsResponse>('applications', `${range}&interface=eth9`);

    expect(res.body.applications).toEqual([]);
    expect(res.body.interface).toBe('eth9');
  });

  it('answers 401 without a token on every new route', async () => {
    for (const route of ROUTES) {
      const res = await sut.api<ApiErrorBody>(`/api/hosts/${HOST}/${route}`, { token: null });
      expect(res.status).withContext(route).toBe(401);
      expect(res.body.code).withContext(route).toBe('UNAUTHORIZED');
    }
  });

  it('answers 404 HOST_NOT_FOUND for an unknown host on every new route', async () => {
    for (const route of ROUTES) {
      const res = await sut.api<ApiErrorBody>(`/api/hosts/nobody/${route}`);
      expect(res.status).withContext(route).toBe(404);
      expect(res.body).withContext(route).toEqual({
        code: 'HOST_NOT_FOUND',
        message: 'host "nobody" is not known',
        statusCode: 404,
      });
    }
  });

  it('answers 400 naming the parameter for bad ranges and limits', async () => {
    const cases: [string, string][] = [
      ['applications?from=soon', 'from'],
      ['transports?from=20&to=10', 'from must not be after to'],
      [`quality?from=0&to=${8 * 86_400_000}`, 'at most 7 days'],
      ['flows?limit=0', 'limit'],
      ['flows?limit=501', 'limit'],
      ['talkers?limit=many', 'limit'],
      ['stats?from=-5', 'from'],
      ['packets?limit=501', 'limit'],
    ];
    for (const [path, words] of cases) {
      const res = await sut.api<ApiErrorBody>(`/api/hosts/${HOST}/${path}`);
      expect(res.status).withContext(path).toBe(400);
      expect(res.body.code).withContext(path).toBe('BAD_REQUEST');
      expect(res.body.message).withContext(path).toContain(words);
    }
  });
});

const ROUTES = [
  'applications',
  'flows',
  'names',
  'packets',
  'quality',
  'stats',
  'talkers',
  'transports',
];
