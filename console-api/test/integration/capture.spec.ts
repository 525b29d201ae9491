// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes), and
// real mqtt.js clients as fake agents answering (or ignoring) commands on their cmd topic.
import type {
  AgentCommand,
  ApiErrorBody,
  CaptureResponse,
  HostInterfacesResponse,
  Page,
} from '@nta/contracts';
import { FakeAgent, runningCapture } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

describe('capture commands over REST', () => {
  let agent: FakeAgent;
  let commands: AgentCommand[];
  let silent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'cap-01');
    commands = await agent.answerCommands((command) => {
      if (command.type === 'start') {
        return { data: runningCapture(command.interface ?? 'eth0', 1234), error: null, ok: true };
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
      if (command.type === 'list-interfaces') {
        const eth1 = {
          addresses: [],
          description: null,
          isDefault: false,
          mac: null,
          mtu: 1500,
          name: 'eth1',
          up: true,
        };
        return { data: [eth1], error: null, ok: true };
      }
      return { error: 'unsupported', ok: false };
    });
    await agent.online();
    silent = await FakeAgent.connect(sut.brokerUrl, 'cap-silent');
    await silent.answerCommands(() => null);
    await silent.online();
    await eventually('both hosts online', async () => {
      const hosts = (await sut.api<Page<{ id: string }>>('/api/hosts')).body.items;
      return hosts.length === 2 ? true : undefined;
    });
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await silent?.close();
    await sut?.close();
  }, 30_000);

  it('starts a capture and returns the agent answer', async () => {
    const res = await sut.api<CaptureResponse>('/api/hosts/cap-01/capture/start', {
      body: JSON.stringify({ interface: 'eth9' }),
      method: 'POST',
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      capture: runningCapture('eth9', 1234),
      error: null,
      host: 'cap-01',
      ok: true,
    });
    expect(commands.at(-1)).toEqual(jasmine.objectContaining({ interface: 'eth9', type: 'start' }));
    const host = await sut.api<{ capture: unknown }>('/api/hosts/cap-01');
    expect(host.body.capture).toEqual(runningCapture('eth9', 1234));
  });

  it('stops a capture', async () => {
    const res = await sut.api<CaptureResponse>('/api/hosts/cap-01/capture/stop', {
      method: 'POST',
    });

    expect(res.status).toBe(200);
    expect(res.body.ok).toBeTrue();
    expect(res.body.capture?.running).toBeFalse();
  });

  it('refreshes the interface list', async () => {
    const res = await sut.api<CaptureResponse>('/api/hosts/cap-01/interfaces/refresh', {
      method: 'POST',
    });
    const list = await sut.api<HostInterfacesResponse>('/api/hosts/cap-01/interfaces');

    expect(res.body.ok).toBeTrue();
    expect(list.body.interfaces.map((i) => i.name)).toEqual(['eth1']);
  });

  it('answers 504 AGENT_TIMEOUT when the agent stays silent', async () => {
    const started = Date.now();
    const res = await sut.api<ApiErrorBody>('/api/hosts/cap-silent/capture/start', {
      body: '{}',
      method: 'POST',
    });

    expect(res.status).toBe(504);
    expect(res.body.code).toBe('AGENT_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  }, 15_000);

  it('answers 409 AGENT_OFFLINE for an offline host and 404 for an unknown one', async () => {
    await silent.publish('status', {
      agentId: 'cap-silent',
      capture: null,
      hostname: null,
      state: 'offline',
      ts: Date.now(),
      version: null,
    });
    await eventually('offline stored', async () =>
      (await sut.api<{ online: boolean }>('/api/hosts/cap-silent')).body.online ? undefined : true,
    );

    const offline = await sut.api<ApiErrorBody>('/api/hosts/cap-silent/capture/stop', {
      method: 'POST',
    });
    expect(offline.status).toBe(409);
    expect(offline.body.code).toBe('AGENT_OFFLINE');

    const unknown = await sut.api<ApiErrorBody>('/api/hosts/ghost/capture/stop', {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('HOST_NOT_FOUND');
  });

  it('validates the start body', async () => {
    const res = await sut.api<ApiErrorBody>('/api/hosts/cap-01/capture/start', {
      body: JSON.stringify({ interface: '' }),
      method: 'POST',
    });

    expect(res.status).toBe(400);
    expect(res.body.message).toContain('interface');
  });
});
