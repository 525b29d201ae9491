// Creates two network namespaces joined by a veth pair with a private /30; traffic stays inside.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface NetnsPair {
  a: { addr: string; dev: string; ns: string };
  b: { addr: string; dev: string; ns: string };
  destroy(): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function createNetnsPair(): NetnsPair {
  const tag = randomBytes(3).toString('hex');
  const octet = randomBytes(1)[0];
  // veth names are limited to 15 characters.
  const a = { addr: `10.250.${octet}.1`, dev: `nta${tag}a`, ns: `nta-it-${tag}-a` };
  const b = { addr: `10.250.${octet}.2`, dev: `nta${tag}b`, ns: `nta-it-${tag}-b` };
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
