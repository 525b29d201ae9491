// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and a
// real mqtt.js fake agent publishing reports with packet samples.
import type { HostPacketsResponse, PacketSample } from '@nta/contracts';
import type { IngestCounters } from '../../src/app/ingest/ingest-stats';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

const HOST = 'packets-01';

function samples(start: number, count: number): PacketSample[] {
  return Array.from({ length: count }, (_, i) => ({
    dst: '10.0.0.1',
    info: `#${i}`,
    length: 60 + i,
    protocol: 'UDP',
    src: '10.0.0.2',
    ts: start + i,
  }));
}

describe('packet samples of the live table', () => {
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, HOST);
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const accepted = async (n: number) =>
    eventually(`${n} reports accepted`, async () => {
      const c = (await sut.api<IngestCounters>('/api/ingest/stats')).body;
      return c.accepted >= n ? c : undefined;
    });

  it('serves the latest samples newest first, a replayed report only once', async () => {
    const report = testReport(HOST, 1);
    await agent.publish('stats', report);
    await agent.publish('stats', report);
    await eventually('the replay seen', async () => {
      const c = (await sut.api<IngestCounters>('/api/ingest/stats')).body;
      return c.duplicates >= 1 ? true : undefined;
    });

    const res = await sut.api<HostPacketsResponse>(`/api/hosts/${HOST}/packets`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      host: HOST,
      interface: null,
      packets: [...report.samples].reverse().map((s) => ({ ...s, interface: 'eth0', seq: 1 })),
    });
  });

  it('keeps at most 500 rows per interface and filters by interface', async () => {
    const start = Date.now();
    for (let seq = 2; seq <= 5; seq++) {
      await agent.publish(
        'stats',
        testReport(HOST, seq, { samples: samples(start + seq * 1000, 200) }),
      );
    }
    await agent.publish(
      'stats',
      testReport(HOST, 6, { interface: 'wlan0', samples: samples(start, 3) }),
    );
    await accepted(7);

    const eth0 = await sut.api<HostPacketsResponse>(
      `/api/hosts/${HOST}/packets?interface=eth0&limit=500`,
    );
    expect(eth0.body.packets.length).toBe(500);
    expect(eth0.body.packets[0]).toEqual(jasmine.objectContaining({ seq: 5, ts: start + 5199 }));
    // 800 pushed: the oldest 300 (all of seq 2, half of seq 3) are gone.
    expect(eth0.body.packets[499]).toEqual(jasmine.objectContaining({ seq: 3, ts: start + 3100 }));

    const wlan0 = await sut.api<HostPacketsResponse>(`/api/hosts/${HOST}/packets?interface=wlan0`);
    expect(wlan0.body.packets.map((p) => p.info)).toEqual(['#2', '#1', '#0']);

    const all = await sut.api<HostPacketsResponse>(`/api/hosts/${HOST}/packets?limit=2`);
    expect(all.body.packets.map((p) => [p.interface, p.seq])).toEqual([
      ['eth0', 5],
      ['eth0', 5],
    ]);
  });
});
