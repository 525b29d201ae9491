import { TestHost } from './netns';
import { Proc, startProcess } from './processes';

export interface NamespacedAgentOptions {
  agentId: string;
  brokerPort: number;
  host: TestHost;
  password: string;
  stateDir: string;
}

/** Runs the built agent (agent/dist/main.js) inside the host's namespace, on its veth. */
export function startAgentInNamespace(o: NamespacedAgentOptions): Proc {
  return startProcess(
    'ip',
    [
      ...['netns', 'exec', o.host.name, process.execPath, 'agent/dist/main.js', 'run'],
      ...['--console-url', `mqtt://${o.host.hostAddress}:${o.brokerPort}`],
      ...['--agent-id', o.agentId, '--password', o.password],
      ...['--interface', o.host.innerInterface, '--state-dir', o.stateDir],
    ],
    process.env,
  );
}
