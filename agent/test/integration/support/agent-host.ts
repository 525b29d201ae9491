// A network namespace joined to this machine by a veth pair, named after this helper
// (nta-agent5-*): a host to run the agent in, whose link a test can cut with `ip link set down`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface AgentHost {
  /** This machine's end of the veth pair. */
  hostAddress: string;
  /** The namespace's end, as named inside it. */
  innerDev: string;
  ns: string;
  /** The namespace's end's address. */
  nsAddress: string;
  remove(): void;
  setLink(up: boolean): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function createAgentHost(): AgentHost {
  const tag = randomBytes(3).toString('hex');
  const subnet = `10.252.${randomBytes(1)[0]}`;
  const ns = `nta-agent5-${tag}`;
  // veth names are limited to 15 characters.
  const outer = `agent5${tag}h`;
  const innerDev = `agent5${tag}n`;
  const remove = () => {
    try {
      ip('netns', 'del', ns);
    } catch {
      // already gone
    }
    try {
      ip('link', 'del', outer);
    } catch {
      // went with the namespace
    }
  };
  try {
    ip('netns', 'add', ns);
    ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', innerDev, 'netns', ns);
    ip('addr', 'add', `${subnet}.1/30`, 'dev', outer);
    ip('link', 'set', outer, 'up');
    ip('-n', ns, 'addr', 'add', `${subnet}.2/30`, 'dev', innerDev);
    ip('-n', ns, 'link', 'set', innerDev, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
  } catch (e) {
    remove();
    throw e;
  }
  return {
    hostAddress: `${subnet}.1`,
    innerDev,
    ns,
    nsAddress: `${subnet}.2`,
    remove,
    setLink: (up) => ip('-n', ns, 'link', 'set', innerDev, up ? 'up' : 'down'),
  };
}
