// Shared by the native capture specs: the check that the addon is built, and a UDP sender that
// runs inside a namespace of a support/netns.ts pair.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { nativeCaptureAvailability, type PcapNativeModule } from '../../src/capture/native-binding';
import type { NetnsEnd } from './support/netns';

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
  from: NetnsEnd,
  to: NetnsEnd,
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
