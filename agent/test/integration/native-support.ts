// Shared by the native capture specs: the addon check, a veth between two fresh namespaces
// (10.252.x.0/30, names unique per run) and running code inside a namespace.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { nativeCaptureAvailability, type PcapNativeModule } from '../../src/capture/native-binding';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const ADDON_DIR = resolve(REPO_ROOT, 'agent/native');

/** The built addon, or an error that says how to build it (these specs need the real one). */
export function requireNativeAddon(): PcapNativeModule {
  const state = nativeCaptureAvailability();
  if (!state.available) {
    throw new Error(
      `the native capture addon is required for these specs: ${state.reason}` +
        ' (build: cd agent/native && npx --no-install node-gyp rebuild)',
    );
  }
  return state.module;
}

export interface VethEnd {
  addr: string;
  dev: string;
  ns: string;
}

export interface VethPair {
  a: VethEnd;
  b: VethEnd;
  destroy(): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function createVethPair(): VethPair {
  const tag = randomBytes(3).toString('hex');
  // /30 blocks: the third octet and a multiple of 4 in the last one.
  const net = `10.252.${randomBytes(1)[0]}.${(randomBytes(1)[0] & 0x3f) * 4}`;
  const base = net.split('.').map(Number);
  const at = (n: number) => `${base[0]}.${base[1]}.${base[2]}.${base[3] + n}`;
  // veth names are limited to 15 characters.
  const a = { addr: at(1), dev: `ntv${tag}a`, ns: `nta-native-${tag}-a` };
  const b = { addr: at(2), dev: `ntv${tag}b`, ns: `nta-native-${tag}-b` };
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

// Sends `count` UDP datagrams of `size` bytes (a 4-byte sequence number first) one after the
// other, then exits.
const SENDER = `
const dgram = require('node:dgram');
const [addr, port, count, size, first] = process.argv.slice(1).map((v, i) => i === 0 ? v : Number(v));
const s = dgram.createSocket('udp4');
let i = 0;
const next = () => {
  if (i === count) return s.close();
  const b = Buffer.alloc(size);
  b.writeUInt32BE(first + i++, 0);
  s.send(b, port, addr, next);
};
next();`;

/** Sends UDP from inside `from`'s namespace to `to`'s address and waits until all are sent. */
export function sendUdp(
  from: VethEnd,
  to: VethEnd,
  port: number,
  count: number,
  size: number,
  firstSeq = 0,
): void {
  execFileSync('ip', [
    'netns',
    'exec',
    from.ns,
    process.execPath,
    '-e',
    SENDER,
    to.addr,
    String(port),
    String(count),
    String(size),
    String(firstSeq),
  ]);
}
