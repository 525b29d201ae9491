// Starts: a fresh Postgres database, the real console in-process (HTTP + socket.io + embedded
// aedes), real mqtt.js fake agents reporting through ingest and real socket.io clients.
import type {
  ClientToServerEvents,
  FleetSummary,
  ServerToClientEvents,
  StatsReport,
} from '@nta/contracts';
import { io, type Socket } from 'socket.io-client';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live subscriptions to hosts, groups and the fleet', () => {
  const agents: FakeAgent[] = [];
  const clients: LiveClient[] = [];
  let seq = 0;
  let sut: TestConsole;
  let token: string;

  async function connect(): Promise<{
    client: LiveClient;
    fleet: FleetSummary[];
    reports: StatsReport[];
  }> {
    const client: LiveClient = io(sut.base, {
      auth: { token },
      path: '/ws',
      reconnection: false,
      transports: ['websocket'],
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    const reports: StatsReport[] = [];
    const fleet: FleetSummary[] = [];
    client.on('report', (r) => reports.push(r));
    client.on('fleet', (f) => fleet.push(f));
    return { client, fleet, reports };
  }

  const report = (agent: FakeAgent) => agent.publish('stats', testReport(agent.id, ++seq));

  beforeAll(async () => {
    sut = await startTestConsole();
    token = await sut.login();
    for (const id of ['ws-01', 'ws-02']) {
      const agent = await FakeAgent.connect(sut.brokerUrl, id);
      agents.push(agent);
      await agent.online();
    }
    await eventually('both hosts known', async () =>
      (await sut.api('/api/hosts/ws-02')).status === 200 ? true : undefined,
    );
    const res = await sut.api('/api/hosts/ws-01', {
      body: JSON.stringify({ group: 'edge' }),
      method: 'PATCH',
    });
    expect(res.status).toBe(200);
  }, 30_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    for (const agent of agents) await agent.close();
    await sut?.close();
  }, 30_000);

  it('pushes the reports of a group to its subscribers, and only those', async () => {
    const { client, reports } = await connect();
    expect(await client.emitWithAck('subscribe', { group: 'edge' })).toEqual({ ok: true });

    await report(agents[1]);
    await report(agents[0]);

    await eventually('the ws-01 report', () => (reports.length ? true : undefined));
    await pause(300);
    expect(reports.map((r) => r.agentId)).toEqual(['ws-01']);
  });

  it('takes the {host} form, and sends a report once to a socket in its host and group rooms', async () => {
    const { client, reports } = await connect();
    expect(await client.emitWithAck('subscribe', { host: 'ws-01' })).toEqual({ ok: true });
    expect(await client.emitWithAck('subscribe', { group: 'edge' })).toEqual({ ok: true });

    await report(agents[0]);

    await eventually('the report', () => (reports.length ? true : undefined));
    await pause(300);
    expect(reports.length).toBe(1);
  });

  it('stops pushing after unsubscribe', async () => {
    const { client, reports } = await connect();
    await client.emitWithAck('subscribe', 'ws-02');
    await report(agents[1]);
    await eventually('the first report', () => (reports.length ? true : undefined));

    client.emit('unsubscribe', 'ws-02');
    await pause(100);
    await report(agents[1]);
    await pause(400);
    expect(reports.length).toBe(1);
  });

  it('sends the fleet summary at once and then every second, to fleet subscribers only', async () => {
    const other = await connect();
    const { client, fleet } = await connect();
    await report(agents[0]);
    await report(agents[1]);
    expect(await client.emitWithAck('subscribe', { fleet: true })).toEqual({ ok: true });

    await eventually('three fleet events', () => (fleet.length >= 3 ? true : undefined), 5000);
    const last = fleet.at(-1)!;
    expect(last.hosts).toEqual({ capturing: 0, offline: 0, online: 2, total: 2 });
    // Every report of this suite (1500 bytes each) is inside the last minute.
    expect(last.totals).toEqual({ bytes: 1500 * seq, packets: 5 * seq });
    expect(last.transport.tcp.bytes).toBe(1200 * seq);
    expect(last.rate.bytesPerSec).toBe(3000);
    expect(fleet[2].ts - fleet[1].ts).toBeGreaterThanOrEqual(900);
    expect(other.fleet).toEqual([]);
  });

  it('refuses invalid targets with an ack saying why', async () => {
    const { client } = await connect();
    for (const target of [
      { group: 'has space' },
      { fleet: false },
      { host: 5 },
      { group: 'edge', host: 'ws-01' },
      { room: 'x' },
      'bad/id',
      42,
      null,
    ]) {
      const ack = await client.emitWithAck('subscribe', target as never);
      expect(ack.ok).withContext(JSON.stringify(target)).toBeFalse();
      expect(ack.error)
        .withContext(JSON.stringify(target))
        .toMatch(/^invalid target: expected /);
    }
  });
});
