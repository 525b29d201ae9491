// Starts: short-lived node child processes using the real addon (one as user `nobody` through
// setpriv, without capabilities) and opens on the loopback interface in this process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PcapNativeModule } from '../../src/capture/native-binding';
import { ADDON_DIR, REPO_ROOT, requireNativeAddon } from './native-support';

const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];

// As nobody: the raw addon error, then the agent's NativeSource message; then GC and a clean exit.
const UNPRIVILEGED = `
const m = require(process.argv[1]);
const { NativeSource } = require(process.argv[2]);
const out = {};
try { m.openLive({ device: 'lo' }); } catch (e) { out.code = e.code; out.addon = e.message; }
const source = new NativeSource({ filter: null, interface: 'lo', onBatch() {},
  listener: { onCaptureEnd() {}, onCaptureStart() {} },
  log: { debug() {}, error() {}, info() {}, warn() {} } });
try { source.start(); } catch (e) { out.source = e.message; out.name = e.constructor.name; }
out.state = source.state;
global.gc();
setTimeout(() => { global.gc(); console.log(JSON.stringify(out)); }, 50);`;

// Failed opens, double closes, use after close, handles left to the GC (started or not), a
// handle closed inside its own batch callback; then exit with one capture still running.
const LIFECYCLE = `
const m = require(process.argv[1]);
const out = { missing: 0 };
for (let i = 0; i < 200; i++) {
  try { m.openLive({ device: 'nta-missing0' }); } catch (e) { if (e.code === 'NO_SUCH_DEVICE') out.missing++; }
}
const h = m.openLive({ device: 'lo', bufferSize: 1 << 20 });
out.closes = [h.close(), h.close()];
for (const call of [() => h.start(() => {}, () => {}), () => h.setFilter('udp'), () => h.stats()]) {
  try { call(); } catch (e) { (out.afterClose ??= []).push(e.code); }
}
for (let i = 0; i < 30; i++) {
  const x = m.openLive({ device: 'lo', bufferSize: 1 << 20 });
  if (i % 3 === 1) x.start(() => {}, () => {});
  if (i % 3 !== 0) x.close();
}
global.gc();
const inner = m.openLive({ device: 'lo', filter: 'udp port 45999' });
inner.start(() => { out.innerClose = [inner.close(), inner.close()]; }, () => { out.endAfterClose = true; });
// Resend until the batch arrives: on a loaded machine one datagram may take a while to surface.
const s = require('node:dgram').createSocket('udp4');
const started = Date.now();
const tick = setInterval(() => {
  if (!out.innerClose && Date.now() - started < 10000) return void s.send('x', 45999, '127.0.0.1');
  clearInterval(tick);
  s.close();
  global.gc();
  const last = m.openLive({ device: 'lo' });
  last.start(() => {}, () => {});
  console.log(JSON.stringify(out));
  process.exit(0);
}, 100);`;

function runNode(script: string, args: string[], prefix: string[] = []) {
  const node = [process.execPath, '--expose-gc', '--require', '@swc-node/register', '-e', script];
  const argv = [...prefix, ...node, ...args];
  const res = spawnSync(argv[0], argv.slice(1), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return {
    ...res,
    json: () => JSON.parse(res.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>,
  };
}

describe('native capture addon: errors and lifecycle', () => {
  let addon: PcapNativeModule;

  beforeAll(() => {
    addon = requireNativeAddon();
  });

  it('refuses a capture without capabilities with a message naming them, without crashing', () => {
    const source = join(REPO_ROOT, 'agent/src/capture/native-source.ts');
    const res = runNode(UNPRIVILEGED, [ADDON_DIR, source], ['setpriv', ...NOBODY]);

    expect(res.stderr).toBe('');
    expect(res.signal).toBeNull();
    expect(res.status).toBe(0);
    const out = res.json();
    expect(out.code).toBe('PERMISSION_DENIED');
    expect(out.addon).toContain('capturing needs CAP_NET_RAW and CAP_NET_ADMIN');
    expect(out.name).toBe('CaptureError');
    expect(out.source).toContain('capture on lo not permitted (socket: Operation not permitted)');
    expect(out.source).toContain('lacks CAP_NET_RAW and CAP_NET_ADMIN');
    expect(out.source).toContain('setcap cap_net_raw,cap_net_admin=eip');
    expect(out.state).toEqual(jasmine.objectContaining({ running: false }));
  });

  it('survives failed opens, double close, use after close, GC and exit with a running capture', () => {
    const res = runNode(LIFECYCLE, [ADDON_DIR]);

    expect(res.stderr).toBe('');
    expect(res.signal).toBeNull();
    expect(res.status).toBe(0);
    expect(res.json()).toEqual({
      afterClose: ['CLOSED', 'CLOSED', 'CLOSED'],
      closes: [true, false],
      innerClose: [true, false],
      missing: 200,
    });
  });

  it('names what is wrong with an open: device, filter, options', () => {
    const codeOf = (open: () => unknown) => {
      try {
        open();
        return 'opened';
      } catch (e) {
        const { code, message } = e as { code: string; message: string };
        return `${code}: ${message}`;
      }
    };

    expect(codeOf(() => addon.openLive({ device: 'nta-missing0' }))).toMatch(
      /^NO_SUCH_DEVICE: capture on nta-missing0: no such device/,
    );
    expect(codeOf(() => addon.openLive({ device: 'lo', filter: 'tcp port' }))).toBe(
      'BAD_FILTER: bad filter "tcp port": can\'t parse filter expression: syntax error',
    );
    expect(codeOf(() => addon.openLive({ device: 'lo', snaplen: 8 }))).toBe(
      'INVALID_ARGUMENT: snaplen must be an integer from 16 to 262144',
    );
    expect(codeOf(() => addon.openOffline('/nonexistent/x.pcap'))).toBe(
      'OPEN_FAILED: /nonexistent/x.pcap: No such file or directory',
    );
  });

  it('keeps the previous filter of an open handle when a new one does not compile', () => {
    const handle = addon.openLive({ device: 'lo', bufferSize: 1 << 20, filter: 'udp' });
    try {
      expect(() => handle.setFilter('udp and (')).toThrowError(
        /bad filter "udp and \(": .*syntax error/,
      );
      expect(() => handle.setFilter('tcp')).not.toThrow();
      expect(handle.stats()).toEqual({ clipped: 0, dropped: 0, ifDropped: 0, received: 0 });
      expect(handle.linkType()).toBe(1);
      expect(handle.snapLength()).toBe(256);
    } finally {
      expect(handle.close()).toBeTrue();
    }
  });
});
