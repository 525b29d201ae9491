// Creates two network namespaces joined by a veth pair with a private /30; traffic stays inside.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface NetnsEnd {
  addr: string;
  dev: string;
  ns: string;
}

export interface NetnsPair {
  a: NetnsEnd;
  b: NetnsEnd;
  destroy(): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** `net` is the first two octets, `name` a short label for the namespaces and devices. */
export function createNetnsPair(net = '10.250', name = 'it'): NetnsPair {
  const tag = randomBytes(3).toString('hex');
  const octet = randomBytes(1)[0];
  // veth names are limited to 15 characters.
  const dev = name.slice(0, 3);
  const a = { addr: `${net}.${octet}.1`, dev: `${dev}${tag}a`, ns: `nta-${name}-${tag}-a` };
  const b = { addr: `${net}.${octet}.2`, dev: `${dev}${tag}b`, ns: `nta-${name}-${tag}-b` };
  const destroy = () => {
    for (const ns of [a.ns, b.ns]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone (or never created)
      }
    }
  };
  try {
    ip('netns', 'add', a.ns);
    ip('netns', 'add', b.ns);
    ip('link', 'add', a.dev, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns);
    for (const end of [a, b]) {
      ip('-n', end.ns, 'addr', 'add', `${end.addr}/30`, 'dev', end.dev);
      ip('-n', end.ns, 'link', 'set', end.dev, 'up');
      ip('-n', end.ns, 'link', 'set', 'lo', 'up');
    }
  } catch (e) {
    destroy();
    throw e;
  }
  return { a, b, destroy };
}

export function namespaceList(): string {
  return execFileSync('ip', ['netns', 'list']).toString();
}
