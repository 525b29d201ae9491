// Starts: a fresh Postgres database, the real console in-process (HTTP + socket.io + embedded
// aedes), real mqtt.js fake agents reporting through ingest, a real HTTP webhook receiver and
// a real socket.io client.
import {
  type AlertEvent,
  type AlertRule,
  type AlertWebhookBody,
  type ApiErrorBody,
  agentTopic,
  type ClientToServerEvents,
  type Page,
  type ServerToClientEvents,
} from '@nta/contracts';
import { io, type Socket } from 'socket.io-client';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { WebhookReceiver } from './support/webhook-receiver';

describe('alerts', () => {
  const agents: FakeAgent[] = [];
  const wsAlerts: AlertEvent[] = [];
  let bytesPerReport = 0;
  let client: Socket<ServerToClientEvents, ClientToServerEvents>;
  let receiver: WebhookReceiver;
  let seq = 0;
  let sut: TestConsole;
  let traffic: NodeJS.Timeout;

  const createRule = (body: unknown) =>
    sut.api<AlertRule & ApiErrorBody>('/api/alerts/rules', {
      body: JSON.stringify(body),
      method: 'POST',
    });
  const events = async (query = '') =>
    (await sut.api<Page<AlertEvent>>(`/api/alerts/events${query}`)).body;
  const hooksFor = (ruleId: string) =>
    receiver.delivered<AlertWebhookBody>().filter((h) => h.rule.id === ruleId);

  beforeAll(async () => {
    sut = await startTestConsole();
    const token = await sut.login();
    // The first delivery fails: the sender must retry it.
    receiver = await WebhookReceiver.start(1);
    const busy = await FakeAgent.connect(sut.brokerUrl, 'al-busy');
    agents.push(busy);
    await busy.online();
    // One report per 250 ms, each a second of `bytesPerReport` bytes: the live rate follows it.
    traffic = setInterval(() => {
      const report = testReport('al-busy', ++seq, {
        totals: { bytes: bytesPerReport, packets: 10 },
      });
      void busy.publish('stats', report).catch(() => undefined);
    }, 250);
    client = io(sut.base, {
      auth: { token },
      path: '/ws',
      reconnection: false,
      transports: ['websocket'],
    });
    client.on('alert', (e) => wsAlerts.push(e));
    await new Promise<void>((resolve) => client.once('connect', resolve));
  }, 30_000);

  afterAll(async () => {
    clearInterval(traffic);
    client?.close();
    for (const agent of agents) await agent.close().catch(() => undefined);
    await sut?.close();
    await receiver?.close();
  }, 30_000);

  it('validates rules with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ kind: 'throughput-above', name: 'x' }, 'threshold'],
      [{ kind: 'loud', name: 'x' }, 'kind'],
      [{ kind: 'host-offline', name: 'x', webhookUrl: 'ftp://x' }, 'webhookUrl'],
      [{ group: 'g', host: 'h', kind: 'host-offline', name: 'x' }, 'host or group'],
      [{ forSeconds: -1, kind: 'host-offline', name: 'x' }, 'forSeconds'],
    ] as const) {
      const res = await createRule(body);
      expect(res.status).withContext(JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.message).withContext(JSON.stringify(body)).toContain(field);
    }
    expect((await sut.api('/api/alerts/rules/not-a-uuid', { method: 'DELETE' })).status).toBe(400);
    const missing = await sut.api<ApiErrorBody>(
      '/api/alerts/rules/00000000-0000-4000-8000-000000000000',
      { body: '{"enabled":false}', method: 'PATCH' },
    );
    expect(missing.status).toBe(404);
  });

  it('fires on throughput above, posts the webhook (after a retry), and resolves when traffic drops', async () => {
    bytesPerReport = 50_000;
    const created = await createRule({
      forSeconds: 1,
      host: 'al-busy',
      kind: 'throughput-above',
      name: 'busy link',
      threshold: 10_000,
      webhookUrl: receiver.url,
    });
    expect(created.status).toBe(201);
    const rule = created.body;

    const firing = await eventually('the firing webhook', () => hooksFor(rule.id)[0], 10_000);
    expect(firing.state).toBe('firing');
    expect(firing.rule).toEqual(jasmine.objectContaining({ id: rule.id, name: 'busy link' }));
    expect(firing.event).toEqual(
      jasmine.objectContaining({
        host: 'al-busy',
        resolvedAt: null,
        ruleId: rule.id,
        value: 50_000,
      }),
    );
    expect(firing.event.message).toContain('above 10000 B/s');
    // The receiver refused the first attempt with a 500: the same body came again.
    expect(receiver.received[0].status).toBe(500);
    expect(receiver.received[1].body).toEqual(receiver.received[0].body);
    const active = await events('?active=true');
    expect(active.items).toEqual([firing.event]);
    await eventually('the WS alert', () =>
      wsAlerts.some((e) => e.id === firing.event.id) ? true : undefined,
    );

    bytesPerReport = 100;
    const resolved = await eventually('the resolved webhook', () => hooksFor(rule.id)[1], 10_000);
    expect(resolved.state).toBe('resolved');
    expect(resolved.event.id).toBe(firing.event.id);
    expect(resolved.event.resolvedAt).toBeGreaterThanOrEqual(firing.event.firedAt);
    expect((await events('?active=true')).total).toBe(0);
    const past = await events('?active=false');
    expect(past.items[0]).toEqual(jasmine.objectContaining({ id: firing.event.id, value: 100 }));
    await sut.api(`/api/alerts/rules/${rule.id}`, { method: 'DELETE' });
  }, 30_000);

  it('fires host-offline for a group when an agent drops its connection', async () => {
    const offline = {
      agentId: 'al-edge',
      capture: null,
      hostname: null,
      state: 'offline',
      ts: Date.now(),
      version: null,
    };
    // Like the agent: a last will that the broker publishes when the connection dies.
    const edge = await FakeAgent.connect(sut.brokerUrl, 'al-edge', {
      will: {
        payload: Buffer.from(JSON.stringify(offline)),
        qos: 1,
        retain: true,
        topic: agentTopic('al-edge', 'status'),
      },
    });
    agents.push(edge);
    await edge.online();
    await eventually('al-edge known', async () =>
      (await sut.api('/api/hosts/al-edge')).status === 200 ? true : undefined,
    );
    await sut.api('/api/hosts/al-edge', { body: '{"group":"edge"}', method: 'PATCH' });
    const rule = (
      await createRule({
        forSeconds: 0,
        group: 'edge',
        kind: 'host-offline',
        name: 'edge down',
        webhookUrl: receiver.url,
      })
    ).body;
    await new Promise((r) => setTimeout(r, 1500));
    expect(hooksFor(rule.id)).toEqual([]);

    edge.client.stream.destroy();

    const firing = await eventually('the offline webhook', () => hooksFor(rule.id)[0], 10_000);
    expect(firing.state).toBe('firing');
    expect(firing.event).toEqual(
      jasmine.objectContaining({
        host: 'al-edge',
        message: 'al-edge is offline',
        resolvedAt: null,
      }),
    );
    const listed = await events(`?rule=${rule.id}`);
    expect(listed.items.map((e) => e.id)).toEqual([firing.event.id]);

    // Disabling the rule ends its alert (and says so to the webhook).
    const disabled = await sut.api<AlertRule>(`/api/alerts/rules/${rule.id}`, {
      body: '{"enabled":false}',
      method: 'PATCH',
    });
    expect(disabled.body.enabled).toBeFalse();
    const resolved = await eventually('resolved on disable', () => hooksFor(rule.id)[1], 10_000);
    expect(resolved.state).toBe('resolved');
  }, 30_000);

  it('lists rules as a page', async () => {
    const page = (await sut.api<Page<AlertRule>>('/api/alerts/rules?limit=1')).body;

    expect(page.limit).toBe(1);
    expect(page.total).toBe(1);
    expect(page.items[0].name).toBe('edge down');
    expect((await sut.api('/api/alerts/rules?limit=0')).status).toBe(400);
  });
});
