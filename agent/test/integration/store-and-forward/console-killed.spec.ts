// Starts: a fresh Postgres database, the real console as a child process (embedded broker,
// ingest acking after commit), and the agent as a child process capturing on `lo`. The console
// is killed with kill -9 while the agent publishes, then started again on the same ports.
import { AgentProcess } from '../support/agent-process';
import { sleep } from '../support/observer';
import { CONSOLE_AGENT_SECRET, ConsoleProcess } from '../support/console-process';
import {
  reportsMadeBy,
  storeAndForwardArgs,
  waitForCaughtUp,
  waitForStored,
} from '../support/report-tally';

describe('store and forward: console killed with kill -9 and restarted', () => {
  const agentId = `it-sf-kill-${process.pid}`;
  let agent: AgentProcess;
  let console: ConsoleProcess;

  beforeAll(async () => {
    console = await ConsoleProcess.create('kill');
    await console.start();
    agent = new AgentProcess({
      args: storeAndForwardArgs(console.brokerUrl(), agentId, CONSOLE_AGENT_SECRET),
    });
  }, 90_000);

  afterAll(async () => {
    await agent?.stop('SIGKILL');
    agent?.cleanup();
    await console?.drop();
  }, 30_000);

  it("stores every report exactly once, the outage's included, against the agent's tally", async () => {
    await waitForStored(console, agentId, 3);

    await console.kill9();
    await sleep(5_000);
    const madeWhileDown = reportsMadeBy(agent).length;
    expect(agent.running).toBeTrue();
    await console.start();
    await agent.waitForLine(/reachable again after \d+s/, 20_000);
    await waitForCaughtUp(console, agentId, agent);
    expect(await agent.stop('SIGTERM')).toBe(0);

    const made = reportsMadeBy(agent);
    const stored = await waitForStored(console, agentId, made.length);
    expect(made.length).toBeGreaterThanOrEqual(madeWhileDown + 2);
    expect(madeWhileDown).toBeGreaterThanOrEqual(7);
    // 0 lost, 0 duplicated: the same seqs, one row each, nothing more.
    expect(stored.seqs).toEqual(made);
    expect(stored.rows).toBe(made.length);
    expect(agent.linesMatching(/outbox: \d+ reports made/)[0]).toContain(
      '0 unacknowledged kept on disk, 0 evicted',
    );
  }, 90_000);
});
