// Starts: a fresh Postgres database, the real console as a child process on this machine, a
// network namespace (nta-agent5-*) joined by a veth pair, and the agent inside it capturing on
// the namespace's `lo`. The namespace's link is cut with `ip link set down` for a while.
import { AgentProcess } from '../support/agent-process';
import { createAgentHost, type AgentHost } from '../support/agent-host';
import { sleep } from '../support/observer';
import { CONSOLE_AGENT_SECRET, ConsoleProcess } from '../support/console-process';
import {
  reportsMadeBy,
  storeAndForwardArgs,
  waitForCaughtUp,
  waitForStored,
} from '../support/report-tally';

describe('store and forward: network cut with ip link set down', () => {
  const agentId = `it-sf-cut-${process.pid}`;
  let agent: AgentProcess;
  let console: ConsoleProcess;
  let host: AgentHost;

  beforeAll(async () => {
    host = createAgentHost();
    console = await ConsoleProcess.create('cut');
    await console.start();
    agent = new AgentProcess({
      args: storeAndForwardArgs(console.brokerUrl(host.hostAddress), agentId, CONSOLE_AGENT_SECRET),
      prefix: ['ip', 'netns', 'exec', host.ns],
    });
  }, 90_000);

  afterAll(async () => {
    await agent?.stop('SIGKILL');
    agent?.cleanup();
    host?.remove();
    await console?.drop();
  }, 30_000);

  it('buffers through the cut, reconnects, and stores every report exactly once', async () => {
    await waitForStored(console, agentId, 3);

    host.setLink(false);
    await sleep(8_000);
    const storedDuringCut = (await console.storedSeqs(agentId)).rows;
    const madeDuringCut = reportsMadeBy(agent).length;
    host.setLink(true);
    await agent.waitForLine(/reachable again after \d+s/, 20_000);
    await waitForCaughtUp(console, agentId, agent);
    expect(await agent.stop('SIGTERM')).toBe(0);

    const made = reportsMadeBy(agent);
    const stored = await waitForStored(console, agentId, made.length);
    expect(madeDuringCut - storedDuringCut).toBeGreaterThanOrEqual(4);
    expect(agent.linesMatching(/connection lost/).length).toBeGreaterThanOrEqual(1);
    expect(stored.seqs).toEqual(made);
    expect(stored.rows).toBe(made.length);
  }, 90_000);
});
