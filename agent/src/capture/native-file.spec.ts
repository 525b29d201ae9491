import type { NativeHandle, NativeOfflineOptions, PcapNativeModule } from './native-binding';
import { NativeFileReader } from './native-file';

// A file of `sizes.length` packets that the fake delivers in batches of `per`, then ends.
function fakeBinding(
  sizes: number[],
  per: number,
  end: Error | null,
): { binding: PcapNativeModule; closes: () => number; opened: NativeOfflineOptions[] } {
  const opened: NativeOfflineOptions[] = [];
  let closed = 0;
  const handle: NativeHandle = {
    batchPackets: per,
    caplens: new Uint32Array(per),
    close: () => ++closed === 1,
    data: new ArrayBuffer(4096),
    linkType: () => 113,
    offsets: new Uint32Array(per),
    origLens: new Uint32Array(per),
    setFilter: () => undefined,
    snapLength: () => 262144,
    start(onBatch, onEnd) {
      setImmediate(() => {
        for (let i = 0; i < sizes.length && closed === 0; i += per) {
          const chunk = sizes.slice(i, i + per);
          chunk.forEach((size, k) => (this.caplens[k] = size));
          onBatch(chunk.length);
        }
        if (closed === 0) onEnd(end);
      });
    },
    stats: () => {
      throw new Error("Statistics aren't available from savefiles");
    },
    tsMs: new Float64Array(per),
  };
  const binding: PcapNativeModule = {
    libVersion: () => 'fake',
    openLive: () => handle,
    openOffline: (path, options) => {
      if (path === 'missing.pcap') {
        throw new Error('missing.pcap: No such file or directory');
      }
      opened.push(options ?? {});
      return handle;
    },
  };
  return { binding, closes: () => closed, opened };
}

describe(NativeFileReader.name, () => {
  it('delivers every record in batches and sums them up', async () => {
    const { binding, opened } = fakeBinding([60, 70, 80, 90, 100], 2, null);
    const sut = new NativeFileReader({ batchPackets: 2, binding, filter: 'udp' });
    const seen: number[] = [];

    const summary = await sut.read('x.pcap', (batch) => {
      for (let i = 0; i < batch.count; i++) seen.push(batch.caplens[i]);
    });

    expect(summary).toEqual({ batches: 3, error: null, linkType: 113, packets: 5 });
    expect(seen).toEqual([60, 70, 80, 90, 100]);
    expect(opened).toEqual([{ batchPackets: 2, filter: 'udp' }]);
  });

  it('keeps the packets before a read error and reports the error', async () => {
    const { binding } = fakeBinding([60, 70, 80], 2, new Error('truncated dump file'));

    const summary = await new NativeFileReader({ binding }).read('cut.pcap', () => undefined);

    expect(summary.packets).toBe(3);
    expect(summary.error).toBe('truncated dump file');
  });

  it("rejects with libpcap's message when the file cannot be opened", async () => {
    const { binding } = fakeBinding([], 1, null);

    await expectAsync(
      new NativeFileReader({ binding }).read('missing.pcap', () => undefined),
    ).toBeRejectedWithError('missing.pcap: No such file or directory');
  });

  it('stops reading and rejects when the consumer throws', async () => {
    const { binding, closes } = fakeBinding([60, 70, 80, 90], 1, null);
    let calls = 0;

    await expectAsync(
      new NativeFileReader({ binding }).read('x.pcap', () => {
        if (++calls === 2) throw new Error('consumer failed');
      }),
    ).toBeRejectedWithError('consumer failed');
    expect(calls).toBe(2);
    expect(closes()).toBe(1);
  });
});
