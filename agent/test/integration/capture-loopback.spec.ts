// Starts: a real libpcap capture on `lo` in this process, once per backend (cap, then the native
// addon, through the runtime's createLiveCapture), and UDP datagrams sent to 127.0.0.1. Checks
// filters, a rejected filter and a failed switch keep the capture running.
import { createSocket, type Socket } from 'node:dgram';
import { StatsAccumulator } from '../../src/aggregate/stats-accumulator';
import type { CaptureControl } from '../../src/capture/capture-control';
import { CaptureError } from '../../src/capture/capture-error';
import { createLogger } from '../../src/common/logger';
import { type CaptureBackendName, createLiveCapture } from '../../src/runtime/live-capture';
import { requireNativeAddon } from './native-support';
import { sleep } from './support/observer';

const BACKENDS: CaptureBackendName[] = ['cap', 'native'];

for (const backend of BACKENDS)
  describe(`live capture on lo (${backend} backend)`, () => {
    const portA = 40000 + (process.pid % 10000) + (backend === 'cap' ? 0 : 2);
    const portB = portA + 1;
    const ended: string[] = [];
    let accumulator: StatsAccumulator;
    let sender: Socket;
    let sut: CaptureControl;

    const send = async (port: number, count: number) => {
      for (let i = 0; i < count; i++) {
        await new Promise<void>((resolve) =>
          sender.send(Buffer.alloc(32), port, '127.0.0.1', () => resolve()),
        );
      }
      await sleep(200);
    };
    const udpSeen = () =>
      accumulator.flush({ agentId: 'it', interface: 'lo', intervalEnd: Date.now(), seq: 0 })
        .transport.udp.packets;

    beforeAll(() => {
      if (backend === 'native') requireNativeAddon();
      sender = createSocket('udp4');
      accumulator = new StatsAccumulator(Date.now());
      const live = createLiveCapture({
        accumulator,
        filter: `udp port ${portA}`,
        interface: 'lo',
        listener: { onCaptureEnd: (iface) => ended.push(iface), onCaptureStart: () => undefined },
        log: createLogger('error'),
        settings: { bufferMb: 32, captureBackend: backend, promisc: true, snapLength: 256 },
      });
      expect(live.backend).toBe(backend);
      sut = live.control;
    });

    afterAll(() => {
      sut.stop();
      sender.close();
    });

    it('captures only what the BPF filter selects', async () => {
      const state = sut.start();
      udpSeen();
      await send(portA, 10);
      await send(portB, 5);

      expect(state).toEqual(
        jasmine.objectContaining({ error: null, filter: `udp port ${portA}`, running: true }),
      );
      // Loopback shows each datagram once.
      expect(udpSeen()).toBe(10);
    });

    it("rejects a bad filter with libpcap's message and keeps the previous capture", async () => {
      expect(() => sut.setFilter('udp port and nonsense')).toThrowMatching(
        (e) => e instanceof CaptureError && /capture on lo: .*syntax error/.test(e.message),
      );
      expect(sut.state.filter).toBe(`udp port ${portA}`);
      expect(sut.state.running).toBeTrue();
      expect(sut.state.error).toContain('syntax error');

      await send(portA, 4);
      expect(udpSeen()).toBe(4);
    });

    it('switches to a valid filter, clearing the error', async () => {
      const state = sut.setFilter(`udp port ${portB}`);
      udpSeen();
      await send(portA, 3);
      await send(portB, 6);

      expect(state.error).toBeNull();
      expect(udpSeen()).toBe(6);
      // cap reopens the capture for a new filter; the native handle changes it in place.
      expect(ended).toEqual(backend === 'cap' ? ['lo'] : []);
    });

    it('refuses an unknown interface and keeps capturing on the current one', async () => {
      expect(() => sut.start('nta-nope0')).toThrowError(CaptureError, /no such interface/);
      expect(sut.state).toEqual(jasmine.objectContaining({ interface: 'lo', running: true }));

      await send(portB, 2);
      expect(udpSeen()).toBe(2);
    });

    it('stops: no more packets are counted', async () => {
      const state = sut.stop();
      udpSeen();
      await send(portB, 3);

      expect(state).toEqual(jasmine.objectContaining({ running: false, startedAt: null }));
      expect(udpSeen()).toBe(0);
    });
  });
