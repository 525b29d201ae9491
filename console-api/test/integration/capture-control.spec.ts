// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and
// real mqtt.js fake agents answering switch/set-filter like the agent (libpcap's error text
// for a filter it cannot compile), staying silent, or going offline.
import type { AgentCommand, ApiErrorBody, CaptureResponse, CaptureState } from '@nta/contracts';
import { FakeAgent, runningCapture } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

const BAD_FILTER = 'syntax error in filter expression: syntax error';

function capture(iface: string, filter: string | null, error: string | null = null): CaptureState {
  return { ...runningCapture(iface, 1234), error, filter };
}

describe('capture control routes', () => {
  let agent: FakeAgent;
  let commands: AgentCommand[];
  let silent: FakeAgent;
  let sut: TestConsole;

  const post = (path: string, body: unknown) =>
    sut.api<CaptureResponse & Partial<ApiErrorBody>>(path, {
      body: JSON.stringify(body),
      method: 'POST',
    });

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'ctl-01');
    commands = await agent.answerCommands((command) => {
      if (command.type === 'set-filter' || command.type === 'start' || command.type === 'switch') {
        const filter = command.filter ?? null;
        const iface = command.interface ?? 'eth0';
        // libpcap refuses what it cannot compile; the capture keeps its previous filter.
        if (filter?.includes('bogus')) {
          return { data: capture(iface, null, BAD_FILTER), error: BAD_FILTER, ok: false };
        }
        return { data: capture(iface, filter), error: null, ok: true };
      }
      if (command.type === 'stop') {
        const data = {
          error: null,
          filter: null,
          interface: null,
          running: false,
          startedAt: null,
        };
        return { data, error: null, ok: true };
      }
      return null;
    });
    await agent.online();
    silent = await FakeAgent.connect(sut.brokerUrl, 'ctl-silent');
    await silent.answerCommands(() => null);
    await silent.online();
    await eventually('both hosts online', async () => {
      const a = await sut.api<{ online: boolean }>('/api/hosts/ctl-01');
      const b = await sut.api<{ online: boolean }>('/api/hosts/ctl-silent');
      return a.body.online && b.body.online ? true : undefined;
    });
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await silent?.close();
    await sut?.close();
  }, 30_000);

  it('starts with a filter, sending the agent exactly what was asked', async () => {
    const res = await post('/api/hosts/ctl-01/capture/start', {
      filter: 'tcp port 443',
      interface: 'eth1',
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      capture: capture('eth1', 'tcp port 443'),
      error: null,
      host: 'ctl-01',
      ok: true,
    });
    expect(commands.at(-1)).toEqual({
      filter: 'tcp port 443',
      id: jasmine.any(String),
      interface: 'eth1',
      type: 'start',
    });
  });

  it('switches to one interface', async () => {
    const res = await post('/api/hosts/ctl-01/capture/switch', { interface: 'eth2' });

    expect(res.status).toBe(200);
    expect(res.body.capture).toEqual(capture('eth2', null));
    expect(commands.at(-1)).toEqual({ id: jasmine.any(String), interface: 'eth2', type: 'switch' });
    const host = await sut.api<{ capture: CaptureState }>('/api/hosts/ctl-01');
    expect(host.body.capture.interface).toBe('eth2');
  });

  it('sets and clears the filter', async () => {
    const set = await post('/api/hosts/ctl-01/capture/filter', {
      filter: 'udp',
      interface: 'eth2',
    });
    expect(set.body).toEqual(
      jasmine.objectContaining({ capture: capture('eth2', 'udp'), ok: true }),
    );
    expect(commands.at(-1)).toEqual(
      jasmine.objectContaining({ filter: 'udp', interface: 'eth2', type: 'set-filter' }),
    );

    const cleared = await post('/api/hosts/ctl-01/capture/filter', { filter: null });
    expect(cleared.body.ok).toBeTrue();
    expect(commands.at(-1)).toEqual({ filter: null, id: jasmine.any(String), type: 'set-filter' });
  });

  it("answers 200 with ok:false and libpcap's message when the agent refuses a filter", async () => {
    const res = await post('/api/hosts/ctl-01/capture/filter', { filter: 'bogus and' });

    expect(res.status).toBe(200);
    expect(res.body.ok).toBeFalse();
    expect(res.body.error).toBe(BAD_FILTER);
    expect(res.body.capture?.error).toBe(BAD_FILTER);
  });

  it('stops one interface', async () => {
    const res = await post('/api/hosts/ctl-01/capture/stop', { interface: 'eth2' });

    expect(res.body.ok).toBeTrue();
    expect(commands.at(-1)).toEqual({ id: jasmine.any(String), interface: 'eth2', type: 'stop' });
  });

  it('validates bodies with a 400 naming the field, before anything reaches the agent', async () => {
    const sent = commands.length;
    for (const [path, body, field] of [
      ['switch', {}, 'interface'],
      ['filter', {}, 'filter'],
      ['filter', { filter: 42 }, 'filter'],
      ['start', { iface: 'eth0' }, 'iface'],
      ['stop', { interface: '' }, 'interface'],
      ['start', { filter: 'x'.repeat(5000) }, 'filter'],
    ] as const) {
      const res = await post(`/api/hosts/ctl-01/capture/${path}`, body);
      expect(res.status)
        .withContext(`${path} ${JSON.stringify(body)}`)
        .toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.message).withContext(path).toContain(field);
    }
    expect(commands.length).toBe(sent);
  });

  it('answers 504 AGENT_TIMEOUT when the agent stays silent', async () => {
    const res = await post('/api/hosts/ctl-silent/capture/switch', { interface: 'eth0' });

    expect(res.status).toBe(504);
    expect(res.body).toEqual(
      jasmine.objectContaining({
        code: 'AGENT_TIMEOUT',
        message: jasmine.stringMatching(/switch/),
      }),
    );
  }, 15_000);

  it('answers 409 AGENT_OFFLINE once the agent is offline', async () => {
    await silent.publish('status', {
      agentId: 'ctl-silent',
      capture: null,
      hostname: null,
      state: 'offline',
      ts: Date.now(),
      version: null,
    });
    await eventually('offline stored', async () =>
      (await sut.api<{ online: boolean }>('/api/hosts/ctl-silent')).body.online ? undefined : true,
    );

    const res = await post('/api/hosts/ctl-silent/capture/filter', { filter: 'tcp' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('AGENT_OFFLINE');
  });

  it('keeps the original tool routes working', async () => {
    const res = await post('/api/start_capture', { host: 'ctl-01', interface: 'eth3' });

    expect(res.status).toBe(200);
    expect(commands.at(-1)).toEqual(jasmine.objectContaining({ interface: 'eth3', type: 'start' }));
  });
});
