// Starts: two fresh network namespaces joined by a veth pair (10.252.x.0/30), a probe process
// running the real NativeSource on the veth end in namespace A (native-capture-probe.ts) and
// UDP senders in namespace B; the last spec deletes the veth under the running capture.
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, requireNativeAddon, sendUdp } from './native-support';
import { createNetnsPair, namespaceList, type NetnsPair } from './support/netns';

const SNAP_LENGTH = 128;
const PAYLOAD = 400;
const FRAME = 14 + 20 + 8 + PAYLOAD;
const PORT = 9999;
const OTHER_PORT = 9998;
const FIRST_BURST = 300;
const SECOND_BURST = 200;
const THIRD_BURST = 50;
// Longer than the probe's 20 ms block timeout, so the last partial block has been handed over.
const SETTLE_MS = 400;

interface ProbeLine {
  drops?: number | null;
  error?: string;
  event: string;
  ok?: boolean;
  state?: { error: string | null; filter: string | null; running: boolean };
  stats?: { dropped: number; ifDropped: number; received: number };
  summary?: {
    batches: number;
    caplenOverSnap: number;
    caplens: Record<string, number>;
    lastTsMs: number;
    maxBatch: number;
    minTsMs: number;
    origLenBelowCaplen: number;
    origLens: Record<string, number>;
    packets: number;
    ports: Record<string, number[]>;
    tsBackwards: number;
  };
}

class Probe {
  private buffered = '';
  private readonly lines: ProbeLine[] = [];
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(ns: string, dev: string, filter: string) {
    const script = join(REPO_ROOT, 'agent/test/integration/native-capture-probe.ts');
    this.child = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        process.execPath,
        '--require',
        '@swc-node/register',
        script,
        dev,
        String(SNAP_LENGTH),
        filter,
      ],
      { cwd: REPO_ROOT },
    );
    this.child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    this.child.stdout.on('data', (c: Buffer) => {
      this.buffered += c.toString();
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        this.lines.push(JSON.parse(this.buffered.slice(0, nl)) as ProbeLine);
        this.buffered = this.buffered.slice(nl + 1);
      }
    });
  }

  async next(event: string): Promise<ProbeLine> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const at = this.lines.findIndex((l) => l.event === event || l.event === 'failed');
      if (at >= 0) return this.lines.splice(at, 1)[0];
      if (Date.now() > deadline) throw new Error(`probe gave no "${event}" line in 15 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async ask(command: string, event: string): Promise<ProbeLine> {
    this.child.stdin.write(`${command}\n`);
    return this.next(event);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
const range = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);

describe('native capture (NativeSource) on a veth between two namespaces', () => {
  let pair: NetnsPair;
  let probe: Probe;
  let startedAt: number;

  beforeAll(() => {
    requireNativeAddon();
    pair = createNetnsPair('10.252', 'native');
  });

  afterAll(() => {
    probe?.kill();
    pair?.destroy();
    expect(namespaceList()).not.toContain(pair.a.ns);
  });

  it('captures every datagram in batches, keeps running after a bad filter, counts in stats', async () => {
    startedAt = Date.now();
    probe = new Probe(pair.a.ns, pair.a.dev, `udp dst port ${PORT}`);
    const ready = await probe.next('ready');
    expect(ready.event).withContext(String(ready.error)).toBe('ready');

    sendUdp(pair.b, pair.a, PORT, FIRST_BURST, PAYLOAD, 0);
    sendUdp(pair.b, pair.a, OTHER_PORT, 20, PAYLOAD, 100_000);
    await settle();

    const bad = await probe.ask('filter udp and (', 'filter');
    expect(bad.ok).toBeFalse();
    expect(bad.error).toContain('syntax error');
    expect(bad.state).toEqual(
      jasmine.objectContaining({ filter: `udp dst port ${PORT}`, running: true }),
    );

    sendUdp(pair.b, pair.a, PORT, SECOND_BURST, PAYLOAD, 1000);
    await settle();
    const stats = await probe.ask('stats', 'stats');

    const changed = await probe.ask(`filter udp dst port ${OTHER_PORT}`, 'filter');
    expect(changed.ok).toBeTrue();
    sendUdp(pair.b, pair.a, PORT, THIRD_BURST, PAYLOAD, 5000);
    sendUdp(pair.b, pair.a, OTHER_PORT, THIRD_BURST, PAYLOAD, 200_000);
    await settle();
    const { summary } = await probe.ask('stop', 'summary');
    const s = summary!;
    const expected = [...range(0, FIRST_BURST), ...range(1000, SECOND_BURST)];

    // Exactly the datagrams the kernel filter lets through, none missing, none twice.
    expect(s.ports[PORT]).toEqual(expected);
    expect(s.ports[OTHER_PORT]).toEqual(range(200_000, THIRD_BURST));
    expect(s.packets).toBe(expected.length + THIRD_BURST);
    // Snap length honoured; libpcap reports the whole wire length.
    expect(s.caplens).toEqual({ [SNAP_LENGTH]: s.packets });
    expect(s.origLens).toEqual({ [FRAME]: s.packets });
    expect(s.caplenOverSnap).toBe(0);
    expect(s.origLenBelowCaplen).toBe(0);
    // Kernel timestamps: in order, and from this test's run.
    expect(s.tsBackwards).toBe(0);
    expect(s.minTsMs).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(s.lastTsMs).toBeLessThanOrEqual(Date.now() + 1000);
    // Batched: one JS call carried many packets.
    expect(s.maxBatch).toBeGreaterThan(1);
    expect(s.batches).toBeLessThan(s.packets);
    expect(stats.stats!.received).toBeGreaterThanOrEqual(expected.length);
    expect(stats.stats!.dropped).toBe(0);
    expect(stats.drops).toBe(0);
  });

  it("ends the capture with libpcap's reason when the interface disappears", async () => {
    probe.kill();
    probe = new Probe(pair.a.ns, pair.a.dev, '-');
    expect((await probe.next('ready')).event).toBe('ready');

    execFileSync('ip', ['-n', pair.a.ns, 'link', 'del', pair.a.dev]);
    await settle();
    const { state } = await probe.ask('state', 'state');

    expect(state).toEqual(
      jasmine.objectContaining({
        error: `capture on ${pair.a.dev} stopped: The interface disappeared`,
        running: false,
      }),
    );
  });
});
