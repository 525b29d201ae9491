import { execFileSync } from 'node:child_process';

export interface TestHostOptions {
  /** Names the namespace `nta-<name>-<pid>` and the veth `<name><pid>h|n`: say whose it is. */
  name: string;
  /** Second octet of the 10.x.y.0/30 link, one per suite, so suites in one process never meet. */
  subnet: number;
}

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
 * in and send real traffic to. Its loopback is up too, a second interface to capture on.
 * Needs root (CAP_NET_ADMIN).
 */
export function createTestHost({ name: tag, subnet: octet }: TestHostOptions): TestHost {
  const id = process.pid % 10_000;
  const subnet = `10.${octet}.${process.pid % 250}`;
  const name = `nta-${tag}-${id}`;
  // Interface names stop at 15 characters: up to 10 of the tag, 4 of the pid and h|n.
  const veth = tag.replace(/[^A-Za-z0-9]/g, '').slice(0, 10);
  const outer = `${veth}${id}h`;
  const inner = `${veth}${id}n`;
  try {
    ip('netns', 'add', name);
  } catch (e) {
    throw new Error(
      `cannot create network namespace ${name} (needs root / CAP_NET_ADMIN): ${(e as Error).message}`,
      { cause: e },
    );
  }
  const remove = () => {
    // Deleting the namespace deletes the veth pair with it, once the inner end is moved in.
    for (const args of [
      ['netns', 'del', name],
      ['link', 'del', outer],
    ]) {
      try {
        ip(...args);
      } catch {
        // already gone
      }
    }
  };
  try {
    ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', inner);
    ip('link', 'set', inner, 'netns', name);
    ip('addr', 'add', `${subnet}.1/30`, 'dev', outer);
    ip('link', 'set', outer, 'up');
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `${subnet}.2/30`, 'dev', inner);
    ip('netns', 'exec', name, 'ip', 'link', 'set', inner, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
  } catch (e) {
    remove();
    throw e;
  }
  return {
    hostAddress: `${subnet}.1`,
    innerInterface: inner,
    name,
    nsAddress: `${subnet}.2`,
    remove,
  };
}
