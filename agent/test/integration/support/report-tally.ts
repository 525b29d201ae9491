// The agent's own tally of the reports it made: with --log-level debug it logs
// `report seq N stored` once per report as it enters the on-disk outbox (stderr is a pipe,
// written synchronously, so a kill -9 cannot lose a line for a report that exists).
import type { ConsoleProcess } from './console-process';
import type { AgentProcess } from './agent-process';

export function reportsMadeBy(...agents: AgentProcess[]): number[] {
  const seqs = agents.flatMap((a) =>
    a.linesMatching(/report seq \d+ stored/).map((l) => Number(/report seq (\d+)/.exec(l)![1])),
  );
  return seqs.sort((a, b) => a - b);
}

/** Polls Postgres until it holds at least `count` reports of the agent. */
export async function waitForStored(
  console: ConsoleProcess,
  agentId: string,
  count: number,
  timeoutMs = 30_000,
): Promise<{ rows: number; seqs: number[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await console.storedSeqs(agentId);
    if (stored.rows >= count) return stored;
    if (Date.now() > deadline) {
      throw new Error(`Postgres holds ${stored.rows} reports of ${agentId}, expected ${count}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Waits until Postgres holds all but the newest report the agents made: the backlog is
 * delivered (and any report the console lost before it committed was resent).
 */
export async function waitForCaughtUp(
  console: ConsoleProcess,
  agentId: string,
  ...agents: AgentProcess[]
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await console.storedSeqs(agentId);
    const made = reportsMadeBy(...agents).length;
    if (rows >= made - 1) return;
    if (Date.now() > deadline) {
      const lines = agents.flatMap((a) => a.lines).filter((l) => !/report seq/.test(l));
      throw new Error(
        `Postgres holds ${rows} of the ${made} reports of ${agentId}; agent:\n${lines.join('\n')}\n` +
          `console:\n${console.log}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Agent options that make outages short to test: fast reconnect, ack timeout and keepalive. */
export function storeAndForwardArgs(brokerUrl: string, agentId: string, secret: string): string[] {
  return [
    'run',
    ...['--console-url', brokerUrl, '--agent-id', agentId, '--password', secret],
    ...['--interface', 'lo', '--log-level', 'debug'],
    ...['--ack-timeout', '3', '--keepalive', '2'],
    ...['--reconnect-min-ms', '200', '--reconnect-max-ms', '1000'],
  ];
}
