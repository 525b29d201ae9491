// Starts: a fresh Postgres database, the real console as a child process, and the agent as a
// child process capturing on `lo`. With the console down (kill -9) the agent buffers; then the
// agent is killed with kill -9 too, and both start again: the new agent replays its outbox.
import { AgentProcess } from '../support/agent-process';
import { sleep } from '../support/observer';
import { CONSOLE_AGENT_SECRET, ConsoleProcess } from '../support/console-process';
import {
  reportsMadeBy,
  storeAndForwardArgs,
  waitForCaughtUp,
  waitForStored,
} from '../support/report-tally';

describe('store and forward: agent killed with kill -9 and restarted', () => {
  const agentId = `it-sf-agent-${process.pid}`;
  let first: AgentProcess;
  let second: AgentProcess | undefined;
  let console: ConsoleProcess;

  beforeAll(async () => {
    console = await ConsoleProcess.create('agent');
    await console.start();
    first = new AgentProcess({
      args: storeAndForwardArgs(console.brokerUrl(), agentId, CONSOLE_AGENT_SECRET),
    });
  }, 90_000);

  afterAll(async () => {
    await second?.stop('SIGKILL');
    await first?.stop('SIGKILL');
    first?.cleanup();
    await console?.drop();
  }, 30_000);

  it('replays the reports the killed agent had not delivered, losing none', async () => {
    await waitForStored(console, agentId, 3);
    await console.kill9();
    await sleep(4_000);
    await first.stop('SIGKILL');
    const unsent = reportsMadeBy(first).length - (await console.storedSeqs(agentId)).rows;

    await console.start();
    second = new AgentProcess({
      args: storeAndForwardArgs(console.brokerUrl(), agentId, CONSOLE_AGENT_SECRET),
      stateDir: first.stateDir,
    });
    const replay = await second.waitForLine(/outbox: \d+ unacknowledged reports from before/);
    await waitForCaughtUp(console, agentId, first, second);
    expect(await second.stop('SIGTERM')).toBe(0);

    const made = reportsMadeBy(first, second);
    const stored = await waitForStored(console, agentId, made.length);
    expect(unsent).toBeGreaterThanOrEqual(3);
    expect(Number(/outbox: (\d+)/.exec(replay)![1])).toBeGreaterThanOrEqual(unsent);
    expect(stored.seqs).toEqual(made);
    expect(stored.rows).toBe(made.length);
    // Seqs of the second run continue above the first's.
    expect(Math.min(...reportsMadeBy(second))).toBeGreaterThan(Math.max(...reportsMadeBy(first)));
  }, 90_000);
});
