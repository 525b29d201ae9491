import { execFileSync } from 'node:child_process';

export interface TestHost {
  /** Address of this machine's end of the veth pair. */
  hostAddress: string;
  /** Interface name inside the namespace. */
  innerInterface: string;
  name: string;
  /** Address of the namespace's end. */
  nsAddress: string;
  remove(): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * A network namespace joined to this machine by a veth pair: a "host" of our own to run an agent
 * in and send real traffic to. Needs root (CAP_NET_ADMIN); CI runs as root.
 */
export function createTestHost(tag: string): TestHost {
  const id = process.pid % 10_000;
  const subnet = `10.251.${process.pid % 250}`;
  const name = `nta-${tag}-${id}`;
  const outer = `nta${tag.slice(0, 3)}${id}h`;
  const inner = `nta${tag.slice(0, 3)}${id}n`;
  try {
    ip('netns', 'add', name);
  } catch (e) {
    throw new Error(
      `cannot create network namespace ${name} (needs root / CAP_NET_ADMIN): ${(e as Error).message}`,
      { cause: e },
    );
  }
  ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', inner);
  ip('link', 'set', inner, 'netns', name);
  ip('addr', 'add', `${subnet}.1/30`, 'dev', outer);
  ip('link', 'set', outer, 'up');
  ip('netns', 'exec', name, 'ip', 'addr', 'add', `${subnet}.2/30`, 'dev', inner);
  ip('netns', 'exec', name, 'ip', 'link', 'set', inner, 'up');
  ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
  return {
    hostAddress: `${subnet}.1`,
    innerInterface: inner,
    name,
    nsAddress: `${subnet}.2`,
    remove() {
      // Deleting the namespace deletes the veth pair with it.
      try {
        ip('netns', 'del', name);
      } catch {
        // already gone
      }
    },
  };
}
