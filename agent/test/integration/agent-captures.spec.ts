// Starts: an in-process aedes broker (acking reports like the console), a network namespace
// (nta-agent5-*) joined by a veth pair, and the agent inside it, idle, with no interface set.
// Drives several captures at once over MQTT commands, then restarts the agent.
import { agentStatusSchema, type CaptureState, validate } from '@nta/contracts';
import { createSocket } from 'node:dgram';
import { AgentProcess } from './support/agent-process';
import { type AgentHost, createAgentHost } from './support/agent-host';
import { AGENT_SECRET, startBroker, type TestBroker } from './support/broker';
import { Observer, sleep } from './support/observer';

describe('agent captures driven by commands', () => {
  const agentId = `it-captures-${process.pid}`;
  let agent: AgentProcess;
  let broker: TestBroker;
  let host: AgentHost;
  let observer: Observer;
  let restarted: AgentProcess | undefined;

  const args = () => [
    'run',
    ...['--console-url', `mqtt://${host.hostAddress}:${broker.port}`],
    ...['--agent-id', agentId, '--password', AGENT_SECRET],
  ];
  const command = async (body: Record<string, unknown>) => {
    const sentAt = Date.now();
    await observer.command(body);
    const result = await observer.waitFor('cmd-result', (m) => m.payload.id === body.id);
    return { result: result.payload, sentAt };
  };

  beforeAll(async () => {
    host = createAgentHost();
    broker = await startBroker(0, { host: '0.0.0.0' });
    observer = await Observer.connect(broker.url, agentId);
    // Idle at first: every capture comes from a command.
    agent = new AgentProcess({
      args: [...args(), '--no-autostart'],
      prefix: ['ip', 'netns', 'exec', host.ns],
    });
  }, 30_000);

  afterAll(async () => {
    await restarted?.stop('SIGKILL');
    await agent?.stop('SIGKILL');
    agent?.cleanup();
    await observer?.close();
    await broker?.close();
    host?.remove();
  });

  it('starts a second interface with its own filter; each reports its own stream', async () => {
    await observer.waitFor('status', (m) => m.payload.state === 'online', 20_000);
    const lo = await command({ id: 'lo-1', interface: 'lo', type: 'start' });
    const veth = await command({
      filter: 'udp',
      id: 'veth-1',
      interface: host.innerDev,
      type: 'start',
    });

    expect(lo.result.ok).toBeTrue();
    expect(veth.result.ok).withContext(String(veth.result.error)).toBeTrue();
    // Takes effect within a second of the command.
    const started = veth.result.data as CaptureState;
    expect(started.startedAt! - veth.sentAt).toBeLessThan(1_000);
    const status = await observer.waitFor('status', (m) => m.payload.captures.length === 2);
    expect(validate(agentStatusSchema, status.payload, 'status').ok).toBeTrue();
    expect(status.payload.captures.map((c) => [c.interface, c.filter, c.running])).toEqual([
      ['lo', null, true],
      [host.innerDev, 'udp', true],
    ]);
    expect(status.payload.outbox).toEqual(jasmine.objectContaining({ evicted: 0 }));

    const sock = createSocket('udp4');
    for (let i = 0; i < 10; i++) sock.send(Buffer.alloc(100), 9, host.nsAddress);
    await observer.waitFor('stats', (m) => m.payload.interface === host.innerDev);
    await observer.waitFor('stats', (m) => m.payload.interface === 'lo');
    sock.close();
    const seqs = observer.of('stats').map((m) => m.payload.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  }, 30_000);

  it("rejects a bad filter with libpcap's message and keeps both captures running", async () => {
    const bad = await command({
      filter: 'udp and and',
      id: 'bad-1',
      interface: 'lo',
      type: 'set-filter',
    });
    const badStart = await command({
      filter: 'tcp port',
      id: 'bad-2',
      interface: host.innerDev,
      type: 'switch',
    });

    expect(bad.result.ok).toBeFalse();
    expect(bad.result.error).toMatch(/syntax error|parse/);
    expect(badStart.result.ok).toBeFalse();
    const count = observer.of('stats').length;
    await sleep(2_200);
    const recent = observer
      .of('stats')
      .slice(count)
      .map((m) => m.payload.interface);
    expect(recent).toContain('lo');
    expect(recent).toContain(host.innerDev);
  }, 30_000);

  it('switches to one interface, and resumes exactly that capture after a restart', async () => {
    const switched = await command({ filter: 'icmp', id: 'sw-1', interface: 'lo', type: 'switch' });
    expect(switched.result.ok).toBeTrue();
    await observer.waitFor('status', (m) => m.payload.captures.length === 1);
    expect(await agent.stop('SIGTERM')).toBe(0);

    const before = observer.messages.length;
    restarted = new AgentProcess({
      args: args(),
      prefix: ['ip', 'netns', 'exec', host.ns],
      stateDir: agent.stateDir,
    });
    const status = await observer.waitFor(
      'status',
      (m) => observer.messages.indexOf(m) >= before && m.payload.state === 'online',
      20_000,
    );

    expect(status.payload.captures.map((c) => [c.interface, c.filter, c.running])).toEqual([
      ['lo', 'icmp', true],
    ]);
  }, 40_000);
});
