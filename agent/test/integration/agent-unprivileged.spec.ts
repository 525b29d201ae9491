// Starts: an aedes broker on a free port and the agent as a child process running as user
// `nobody` (setpriv, no capabilities). Checks the capture error reaches the status and the
// agent stays up.
import { agentStatusSchema, validate } from '@nta/contracts';
import { chmodSync } from 'node:fs';
import { AgentProcess } from './support/agent-process';
import { AGENT_SECRET, startBroker, type TestBroker } from './support/broker';
import { Observer } from './support/observer';

const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];

describe('agent without capture capabilities', () => {
  const agentId = `it-nobody-${process.pid}`;
  let broker: TestBroker;
  let observer: Observer;
  let agent: AgentProcess;

  beforeAll(async () => {
    broker = await startBroker();
    observer = await Observer.connect(broker.url, agentId);
    agent = new AgentProcess({
      args: [
        '--console-url',
        broker.url,
        '--agent-id',
        agentId,
        '--password',
        AGENT_SECRET,
        '--interface',
        'lo',
      ],
      prefix: NOBODY,
    });
    chmodSync(agent.stateDir, 0o777);
  });

  afterAll(async () => {
    await agent.stop('SIGKILL');
    agent.cleanup();
    await observer.close();
    await broker.close();
  });

  it('logs which capabilities are missing and how to grant them, without a stack trace', async () => {
    const line = await agent.waitForLine(/not permitted/);

    expect(line).toContain('capture on lo not permitted');
    expect(line).toContain('lacks CAP_NET_RAW and CAP_NET_ADMIN');
    expect(line).toContain(
      'sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")"',
    );
    expect(line).toContain('AmbientCapabilities');
    expect(agent.linesMatching(/^\s+at /).length).toBe(0);
  });

  it('stays online and reports the error in its status capture.error', async () => {
    const status = await observer.waitFor('status', (m) => m.payload.state === 'online');

    expect(validate(agentStatusSchema, status.payload, 'status').ok).toBeTrue();
    expect(status.payload.capture?.running).toBeFalse();
    expect(status.payload.capture?.error).toContain('CAP_NET_RAW');
    expect(agent.running).toBeTrue();
  });

  it('answers a start command with the same error instead of crashing', async () => {
    await observer.command({ id: 'start-nobody', type: 'start' });
    const result = await observer.waitFor('cmd-result', (m) => m.payload.id === 'start-nobody');

    expect(result.payload.ok).toBeFalse();
    expect(result.payload.error).toContain('CAP_NET_ADMIN');
    expect(agent.running).toBeTrue();
  });
});
