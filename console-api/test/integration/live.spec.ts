// Starts: a fresh Postgres database, the real console in-process (HTTP + socket.io + embedded
// aedes), a real mqtt.js fake agent and real socket.io clients.
import type {
  ClientToServerEvents,
  HostSummary,
  ServerToClientEvents,
  StatsReport,
} from '@nta/contracts';
import { io, type Socket } from 'socket.io-client';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('live socket.io pushes', () => {
  let agent: FakeAgent;
  let clients: LiveClient[] = [];
  let sut: TestConsole;
  let token: string;

  function connect(auth: Record<string, string>): LiveClient {
    const client: LiveClient = io(sut.base, {
      auth,
      path: '/ws',
      reconnection: false,
      transports: ['websocket'],
    });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    sut = await startTestConsole();
    token = await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'live-01');
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    clients = [];
    await agent?.close();
    await sut?.close();
  }, 30_000);

  it('pushes each ingested report to clients subscribed to its host', async () => {
    const client = connect({ token });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    const reports: StatsReport[] = [];
    const hosts: HostSummary[] = [];
    client.on('report', (r) => reports.push(r));
    client.on('host', (h) => hosts.push(h));
    const ack = await client.emitWithAck('subscribe', 'live-01');
    expect(ack).toEqual({ ok: true });

    const report = testReport('live-01', 1);
    await agent.publish('stats', report);

    await eventually('the report pushed', () => (reports.length ? true : undefined));
    expect(reports).toEqual([report]);
    // The full analysis travels with it: the host page needs no second request per second.
    expect(report.flows.length).toBeGreaterThan(0);
    expect(report.samples.length).toBeGreaterThan(0);
    expect(reports[0].flows).toEqual(report.flows);
    expect(reports[0].flowsOther).toEqual(report.flowsOther);
    expect(reports[0].talkers).toEqual(report.talkers);
    expect(reports[0].samples).toEqual(report.samples);
    expect(reports[0].quality).toEqual(report.quality);
    expect(reports[0].applications).toEqual(report.applications);
    expect(reports[0].names).toEqual(report.names);
    await eventually('the host summary pushed', () =>
      hosts.some((h) => h.id === 'live-01' && h.rate.packetsPerSec === 5) ? true : undefined,
    );
  });

  it('does not push reports of hosts the client did not subscribe to', async () => {
    const client = connect({ token });
    await new Promise<void>((resolve) => client.once('connect', resolve));
    const reports: StatsReport[] = [];
    client.on('report', (r) => reports.push(r));
    expect(await client.emitWithAck('subscribe', 'other-host')).toEqual({ ok: true });
    expect(await client.emitWithAck('subscribe', 'bad/id')).toEqual(
      jasmine.objectContaining({ ok: false }),
    );

    await agent.publish('stats', testReport('live-01', 2));
    await new Promise((r) => setTimeout(r, 300));

    expect(reports).toEqual([]);
  });

  it('refuses a client without a token, or with a forged one', async () => {
    for (const auth of [{}, { token: 'forged' }] as Record<string, string>[]) {
      const client = connect(auth);
      const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
      expect(error.message).toMatch(/^unauthorized/);
      expect(client.connected).toBeFalse();
    }
  });
});
