import { createLogger } from '../common/logger';
import type { CaptureListener } from './cap-source';
import { CaptureError } from './capture-error';
import type { PacketBatch } from './native-batch';
import type {
  NativeHandle,
  NativeLiveOptions,
  NativeStats,
  PcapNativeModule,
} from './native-binding';
import { DEFAULT_NATIVE_SNAP_LENGTH, NativeSource } from './native-source';

const codedError = (code: string, message: string, detail?: string) =>
  Object.assign(new Error(message), { code, detail });

// Stands in for one addon handle: JS fills the batch arrays the way the C side does.
class FakeHandle implements NativeHandle {
  readonly batchPackets = 8;
  readonly caplens = new Uint32Array(8);
  readonly data = new ArrayBuffer(1024);
  readonly offsets = new Uint32Array(8);
  readonly origLens = new Uint32Array(8);
  readonly tsMs = new Float64Array(8);
  closed = 0;
  filter: string | null;
  onBatch: ((count: number) => void) | null = null;
  onEnd: ((error: Error | null) => void) | null = null;
  statsValue: NativeStats = { clipped: 0, dropped: 0, ifDropped: 0, received: 0 };

  constructor(readonly options: NativeLiveOptions) {
    this.filter = options.filter ?? null;
  }

  close(): boolean {
    this.closed++;
    return this.closed === 1;
  }

  emit(packets: Buffer[]): void {
    const bytes = new Uint8Array(this.data);
    let at = 0;
    packets.forEach((p, i) => {
      bytes.set(p, at);
      this.offsets[i] = at;
      this.caplens[i] = p.length;
      this.origLens[i] = p.length + 10;
      this.tsMs[i] = 1000 + i;
      at += p.length;
    });
    this.onBatch?.(packets.length);
  }

  linkType(): number {
    return 1;
  }

  setFilter(filter: string | null): void {
    if (filter === 'bad') throw codedError('BAD_FILTER', 'bad filter "bad": syntax error');
    this.filter = filter;
  }

  snapLength(): number {
    return this.options.snaplen ?? 0;
  }

  start(onBatch: (count: number) => void, onEnd: (error: Error | null) => void): void {
    this.onBatch = onBatch;
    this.onEnd = onEnd;
  }

  stats(): NativeStats {
    return this.statsValue;
  }
}

class FakeBinding implements PcapNativeModule {
  handles: FakeHandle[] = [];
  openError: Error | null = null;

  libVersion(): string {
    return 'fake';
  }

  openLive(options: NativeLiveOptions): NativeHandle {
    if (this.openError) throw this.openError;
    if (options.filter === 'bad') throw codedError('BAD_FILTER', 'bad filter "bad": syntax error');
    const handle = new FakeHandle(options);
    this.handles.push(handle);
    return handle;
  }

  openOffline(): NativeHandle {
    throw new Error('not used');
  }
}

describe(NativeSource.name, () => {
  let binding: FakeBinding;
  let batches: { count: number; first: string; same: boolean }[];
  let events: string[];
  let sut: NativeSource;
  let lastBatch: PacketBatch | null;

  beforeEach(() => {
    binding = new FakeBinding();
    batches = [];
    events = [];
    lastBatch = null;
    const listener: CaptureListener = {
      onCaptureEnd: (iface) => events.push(`end ${iface}`),
      onCaptureStart: (iface) => events.push(`start ${iface}`),
    };
    sut = new NativeSource({
      binding,
      filter: null,
      interface: 'eth0',
      listener,
      log: createLogger('error', () => undefined),
      onBatch: (batch) => {
        const first = batch.buffer.toString('utf8', batch.offsets[0], batch.caplens[0]);
        batches.push({
          count: batch.count,
          first,
          same: lastBatch === null || lastBatch === batch,
        });
        lastBatch = batch;
      },
    });
  });

  it('opens buffered with the header-sized snap length and promiscuous mode by default', () => {
    const state = sut.start();

    expect(state.running).toBeTrue();
    expect(binding.handles[0].options).toEqual(
      jasmine.objectContaining({
        device: 'eth0',
        promisc: true,
        snaplen: DEFAULT_NATIVE_SNAP_LENGTH,
      }),
    );
    expect(binding.handles[0].options.immediate).toBeUndefined();
    expect(events).toEqual(['start eth0']);
  });

  it('hands every batch over in one reused object whose buffer aliases the native memory', () => {
    sut.start();
    const handle = binding.handles[0];

    handle.emit([Buffer.from('abc'), Buffer.from('de')]);
    handle.emit([Buffer.from('xyz')]);

    expect(batches).toEqual([
      { count: 2, first: 'abc', same: true },
      { count: 1, first: 'xyz', same: true },
    ]);
    expect(lastBatch!.buffer.buffer).toBe(handle.data);
    expect(lastBatch!.origLens[0]).toBe(13);
    expect(lastBatch!.linkType).toBe(1);
  });

  it('changes the filter of a running capture in place and keeps it on a bad filter', () => {
    sut.start();
    sut.setFilter('udp');

    expect(() => sut.setFilter('bad')).toThrowMatching(
      (e) =>
        e instanceof CaptureError &&
        e.message === 'capture on eth0: bad filter "bad": syntax error',
    );
    expect(binding.handles.length).toBe(1);
    expect(binding.handles[0].filter).toBe('udp');
    expect(sut.state.filter).toBe('udp');
    expect(sut.state.running).toBeTrue();
  });

  it('checks a filter by a small probe open while idle', () => {
    sut.setFilter('tcp');

    expect(binding.handles[0].options.bufferSize).toBe(64 * 1024);
    expect(binding.handles[0].closed).toBe(1);
    expect(sut.state).toEqual(jasmine.objectContaining({ filter: 'tcp', running: false }));
    expect(() => sut.setFilter('bad')).toThrowError(CaptureError);
    expect(sut.state.filter).toBe('tcp');
  });

  it('names the capabilities and the fix when the open is not permitted', () => {
    binding.openError = codedError(
      'PERMISSION_DENIED',
      'capture on eth0 not permitted (...)',
      'socket: Operation not permitted',
    );

    expect(() => sut.start()).toThrowMatching(
      (e) =>
        e instanceof CaptureError &&
        e.message.includes('capture on eth0 not permitted (socket: Operation not permitted)') &&
        e.message.includes('CAP_NET_RAW') &&
        e.message.includes('setcap'),
    );
    expect(sut.state.running).toBeFalse();
    expect(sut.state.error).toContain('CAP_NET_ADMIN');
  });

  it('says a missing interface is missing', () => {
    binding.openError = codedError('NO_SUCH_DEVICE', 'x', 'No such device exists');

    expect(() => sut.start('eth9')).toThrowError(
      CaptureError,
      'capture on eth9: no such interface (see `interfaces` for the list)',
    );
  });

  it('opens the new interface before closing the old one, and keeps the old one on failure', () => {
    sut.start();
    binding.openError = codedError('NO_SUCH_DEVICE', 'x');

    expect(() => sut.start('eth9')).toThrowError(CaptureError);
    expect(binding.handles[0].closed).toBe(0);
    expect(sut.state.running).toBeTrue();

    binding.openError = null;
    sut.start('eth1');

    expect(binding.handles[0].closed).toBe(1);
    expect(sut.state.interface).toBe('eth1');
    expect(events).toEqual(['start eth0', 'end eth0', 'start eth1']);
  });

  it('reports a capture that libpcap ended (interface gone) and forgets its handle', () => {
    sut.start();

    binding.handles[0].onEnd!(new Error('The interface went down'));

    expect(sut.state.running).toBeFalse();
    expect(sut.state.error).toBe('capture on eth0 stopped: The interface went down');
    expect(events).toEqual(['start eth0', 'end eth0']);
    expect(sut.stop().error).toBeNull();
  });

  it("names a vanished interface when libuv only reports the socket's EBADF", () => {
    const source = (iface: string) =>
      new NativeSource({
        binding,
        filter: null,
        interface: iface,
        interfaceExists: (name) => name !== 'veth9',
        listener: { onCaptureEnd: () => undefined, onCaptureStart: () => undefined },
        log: createLogger('error', () => undefined),
        onBatch: () => undefined,
      });
    const gone = source('veth9');
    const present = source('veth1');
    gone.start();
    present.start();

    binding.handles[0].onEnd!(new Error('bad file descriptor'));
    binding.handles[1].onEnd!(new Error('bad file descriptor'));

    expect(gone.state.error).toBe('capture on veth9 stopped: The interface disappeared');
    expect(present.state.error).toBe('capture on veth1 stopped: bad file descriptor');
  });

  it('closes once on stop and tells the listener', () => {
    sut.start();
    sut.stop();
    sut.stop();

    expect(binding.handles[0].closed).toBe(1);
    expect(events).toEqual(['start eth0', 'end eth0']);
    expect(sut.stats()).toBeNull();
  });

  it('counts kernel drops per interval, across a change of interface', () => {
    expect(sut.takeDrops()).toBeNull();
    sut.start();
    binding.handles[0].statsValue = { clipped: 0, dropped: 5, ifDropped: 9, received: 50 };

    expect(sut.takeDrops()).toBe(5);
    binding.handles[0].statsValue = { clipped: 0, dropped: 7, ifDropped: 9, received: 60 };
    sut.start('eth1');
    binding.handles[1].statsValue = { clipped: 0, dropped: 1, ifDropped: 0, received: 3 };

    expect(sut.takeDrops()).toBe(3);
    expect(sut.takeDrops()).toBe(0);
    expect(sut.stats()).toEqual({ clipped: 0, dropped: 1, ifDropped: 0, received: 3 });
  });
});
