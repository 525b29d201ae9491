// Starts: the agent as a child process pointed at a closed local port (capturing on `lo`), then
// an aedes broker on that same port. Checks the outage is logged once and loses no report.
import { statsReportSchema, validate } from '@nta/contracts';
import { AgentProcess } from './support/agent-process';
import { AGENT_SECRET, closedPort, startBroker, type TestBroker } from './support/broker';
import { Observer, sleep } from './support/observer';

describe('agent while the console is down', () => {
  const agentId = `it-down-${process.pid}`;
  let port: number;
  let agent: AgentProcess;
  let broker: TestBroker | undefined;
  let observer: Observer | undefined;

  beforeAll(async () => {
    port = await closedPort();
    agent = new AgentProcess({
      args: [
        '--console-url',
        `mqtt://127.0.0.1:${port}`,
        '--agent-id',
        agentId,
        '--password',
        AGENT_SECRET,
        '--interface',
        'lo',
      ],
    });
  });

  afterAll(async () => {
    await agent.stop('SIGKILL');
    agent.cleanup();
    await observer?.close();
    await broker?.close();
  });

  it('logs one clear unreachable line, no stack trace, and keeps running', async () => {
    const line = await agent.waitForLine(/unreachable/);
    // Several reconnect attempts (1 s, 2 s backoff) happen in this window.
    await sleep(3_500);

    expect(line).toContain(
      `console at mqtt://127.0.0.1:${port} unreachable (ECONNREFUSED); retrying every 1s (backing off to 15s); capture continues`,
    );
    expect(agent.linesMatching(/unreachable/).length).toBe(1);
    expect(agent.linesMatching(/^\s+at /).length).toBe(0);
    expect(agent.linesMatching(/capturing on lo/).length).toBe(1);
    expect(agent.running).toBeTrue();
  }, 20_000);

  it('delivers the reports queued during the outage once the console is up', async () => {
    broker = await startBroker(port);
    observer = await Observer.connect(broker.url, agentId);

    await agent.waitForLine(/reachable again after \d+s; sending \d+ queued reports/, 20_000);
    await observer.waitFor('stats', (m) => m.payload.intervalStart > Date.now() - 1_500, 10_000);

    const reports = observer.of('stats').map((m) => m.payload);
    const seqs = reports.map((r) => r.seq).sort((a, b) => a - b);
    // Contiguous seqs from the first second of capture: nothing from the outage was lost.
    seqs.slice(1).forEach((s, i) => expect(s).toBe(seqs[i] + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(5);
    reports.forEach((r) => expect(validate(statsReportSchema, r, 'stats').ok).toBeTrue());
  });
});

describe('agent with a wrong password', () => {
  let broker: TestBroker;
  let agent: AgentProcess;

  beforeAll(async () => {
    broker = await startBroker();
    agent = new AgentProcess({
      args: [
        '--console-url',
        broker.url,
        '--agent-id',
        'it-wrong-pw',
        '--password',
        'wrong',
        '--no-autostart',
      ],
    });
  });

  afterAll(async () => {
    await agent.stop('SIGKILL');
    agent.cleanup();
    await broker.close();
  });

  it('says the console rejected it, names the setting, and keeps running', async () => {
    const line = await agent.waitForLine(/rejected/);

    expect(line).toContain(
      'console rejected agent it-wrong-pw: bad username or password; check NTA_AGENT_PASSWORD',
    );
    expect(line).toContain('retrying every 30s');
    await sleep(500);
    expect(agent.running).withContext(agent.lines.join('\n')).toBeTrue();
    expect(agent.linesMatching(/^\s+at /).length).toBe(0);
  });
});
