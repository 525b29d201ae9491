import { StatsAccumulator } from '../aggregate/stats-accumulator';
import { CapSource } from '../capture/cap-source';
import { CaptureError } from '../capture/capture-error';
import type {
  NativeAvailability,
  NativeHandle,
  NativeLiveOptions,
  NativeStats,
  PcapNativeModule,
} from '../capture/native-binding';
import { NativeSource } from '../capture/native-source';
import { createLogger } from '../common/logger';
import { ETHERTYPE_IPV4 } from '../decode/network';
import { ethernet, ipv4, tcpHeader, udpHeader } from '../decode/testdata/frames';
import { type CaptureSettings, createLiveCapture, type LiveCaptureOptions } from './live-capture';

// One addon handle whose batch arrays the spec fills the way the C side does.
class FakeHandle implements NativeHandle {
  readonly batchPackets = 4;
  readonly caplens = new Uint32Array(4);
  readonly data = new ArrayBuffer(1024);
  readonly offsets = new Uint32Array(4);
  readonly origLens = new Uint32Array(4);
  readonly tsMs = new Float64Array(4);
  dropped = 0;
  onBatch: (count: number) => void = () => undefined;

  constructor(readonly options: NativeLiveOptions) {}

  close = () => true;
  linkType = () => 1;
  setFilter = () => undefined;
  snapLength = () => this.options.snaplen ?? 0;
  start(onBatch: (count: number) => void): void {
    this.onBatch = onBatch;
  }
  stats = (): NativeStats => ({ clipped: 0, dropped: this.dropped, ifDropped: 0, received: 0 });

  // Packets packed after a 3-byte gap; each says it was `extra` bytes longer on the wire.
  emit(frames: Buffer[], tsMs: number[], extra: number): void {
    const bytes = Buffer.from(this.data);
    let at = 3;
    frames.forEach((frame, i) => {
      frame.copy(bytes, at);
      this.offsets[i] = at;
      this.caplens[i] = frame.length;
      this.origLens[i] = frame.length + extra;
      this.tsMs[i] = tsMs[i];
      at += frame.length;
    });
    this.onBatch(frames.length);
  }
}

describe(createLiveCapture.name, () => {
  const handles: FakeHandle[] = [];
  const binding: PcapNativeModule = {
    libVersion: () => 'libpcap fake',
    openLive: (options) => {
      const handle = new FakeHandle(options);
      handles.push(handle);
      return handle;
    },
    openOffline: () => {
      throw new Error('not used');
    },
  };
  const built: NativeAvailability = { available: true, module: binding, version: 'libpcap fake' };
  const unbuilt: NativeAvailability = { available: false, reason: 'build/Release missing' };
  let lines: string[];
  let accumulator: StatsAccumulator;

  const create = (settings: Partial<CaptureSettings>, availability: NativeAvailability) => {
    const options: LiveCaptureOptions = {
      accumulator,
      availability: () => availability,
      filter: null,
      interface: 'eth0',
      listener: { onCaptureEnd: () => undefined, onCaptureStart: () => undefined },
      log: createLogger('info', (line) => lines.push(line)),
      settings: {
        bufferMb: 32,
        captureBackend: 'auto',
        promisc: true,
        snapLength: 256,
        ...settings,
      },
    };
    return createLiveCapture(options);
  };

  beforeEach(() => {
    handles.length = 0;
    lines = [];
    accumulator = new StatsAccumulator(1_000);
  });

  it('prefers native when the addon is built and opens it with the configured settings', () => {
    const sut = create({ bufferMb: 8, promisc: false, snapLength: 128 }, built);
    sut.control.start();

    expect(sut.backend).toBe('native');
    expect(sut.control).toBeInstanceOf(NativeSource);
    expect(handles[0].options).toEqual(
      jasmine.objectContaining({ bufferSize: 8 * 1024 * 1024, promisc: false, snaplen: 128 }),
    );
    expect(lines.filter((l) => l.includes('capture backend')).length).toBe(1);
    expect(lines[0]).toContain('capture backend: native (libpcap fake; batched, snap length 128');
  });

  it('aggregates a batch with its real wire lengths and timestamps, and reports drops', () => {
    const sut = create({}, built);
    sut.control.start();
    const udp = ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader(20)));
    const tcp = ethernet(ETHERTYPE_IPV4, ipv4(6, tcpHeader(10)));

    handles[0].emit([udp, tcp, udp], [1_100.5, 1_200.25, 1_300], 1000);
    handles[0].dropped = 7;
    const report = accumulator.flush({
      agentId: 'a',
      interface: 'eth0',
      intervalEnd: 2_000,
      seq: 1,
    });

    expect(report.totals).toEqual({ bytes: 2 * udp.length + tcp.length + 3000, packets: 3 });
    expect(report.transport.udp).toEqual({ bytes: 2 * (udp.length + 1000), packets: 2 });
    const udpFlow = report.flows.find((f) => f.transport === 'udp');
    expect(udpFlow).toEqual(jasmine.objectContaining({ firstSeen: 1_100.5, lastSeen: 1_300 }));
    expect(sut.takeDrops()).toBe(7);
  });

  it('falls back to cap with one line saying why when the addon is not built', () => {
    const sut = create({}, unbuilt);

    expect(sut.backend).toBe('cap');
    expect(sut.control).toBeInstanceOf(CapSource);
    expect(sut.takeDrops()).toBeNull();
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/warn .*capture backend: cap, the native addon is unavailable/);
    expect(lines[0]).toContain('build/Release missing');
    expect(lines[0]).toContain('node-gyp rebuild');
  });

  it('uses cap when asked, even with the addon built', () => {
    const sut = create({ captureBackend: 'cap' }, built);

    expect(sut.backend).toBe('cap');
    expect(lines).toEqual([jasmine.stringContaining('capture backend: cap (one call per packet')]);
  });

  it('keeps an explicit native choice and fails its start with how to build the addon', () => {
    const sut = create({ captureBackend: 'native' }, unbuilt);

    expect(sut.backend).toBe('native');
    expect(() => sut.control.start()).toThrowError(CaptureError, /build\/Release missing/);
    expect(sut.control.state.error).toContain('native capture unavailable');
    expect(lines[0]).toContain('node-gyp rebuild');
  });
});
