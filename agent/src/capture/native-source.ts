import type { CaptureState } from '@nta/contracts';
import { errorMessage, type Logger } from '../common/logger';
import type { CaptureListener } from './cap-source';
import { CaptureSourceBase } from './capture-source-base';
import { describeOpenError, isPermissionError } from './capture-error';
import { readSysNet } from './linux-net';
import { type BatchSink, startBatches } from './native-batch';
import {
  loadPcapNative,
  type NativeHandle,
  type NativeStats,
  nativeErrorCode,
  nativeErrorDetail,
  type PcapNativeModule,
} from './native-binding';

// Enough for Ethernet + VLAN + IPv6 + TCP with options, or a VXLAN/GRE outer and inner header
// set, and the start of a DNS message. TLS server names and long DNS answers usually lie
// further: --snaplen 2048 keeps them, at the cost of copying more of each large packet.
export const DEFAULT_NATIVE_SNAP_LENGTH = 256;
// With TPACKET_V3 a ring block is handed over when full or after this long: the latency bound.
export const DEFAULT_NATIVE_TIMEOUT_MS = 50;
// The ring is mapped and resident in full, so it is most of the agent's memory beyond Node's.
// Packed at ~snap length per packet, 8 MiB holds ~50k small packets (~80 ms at 650k/s, the most
// the bench's generator sends here) and kept the bench loss-free; --buffer-size raises it.
export const DEFAULT_NATIVE_BUFFER_BYTES = 8 * 1024 * 1024;
// Validation-only opens need no real ring.
const PROBE_BUFFER_SIZE = 64 * 1024;

export interface NativeSourceOptions {
  // The addon; tests pass a fake, the agent leaves it to the loader.
  binding?: PcapNativeModule;
  bufferSize?: number;
  filter: string | null;
  interface: string | null;
  // Whether a network interface exists (/sys/class/net); specs pass their own.
  interfaceExists?: (name: string) => boolean;
  listener: CaptureListener;
  log: Logger;
  onBatch: BatchSink;
  promisc?: boolean;
  snapLength?: number;
  timeoutMs?: number;
}

interface OpenCapture {
  handle: NativeHandle;
  iface: string;
  linkType: number;
}

/** A live libpcap capture through the agent's own addon, one callback per batch of packets. */
export class NativeSource extends CaptureSourceBase<OpenCapture> {
  private dropsCarried = 0;
  private dropsSeen = 0;

  constructor(private readonly opts: NativeSourceOptions) {
    super(opts.filter, opts.interface);
  }

  protected startOn(iface: string): void {
    this.swapTo(this.open(iface, this.filter, this.opts.bufferSize));
  }

  stop(): CaptureState {
    if (this.current) {
      const iface = this.current.iface;
      this.release();
      this.opts.listener.onCaptureEnd(iface);
      this.opts.log.info(`capture on ${iface} stopped`);
    }
    this.startedAt = null;
    this.error = null;
    return this.state;
  }

  /** Reopens the running capture with the same settings (e.g. after the interface came back). */
  restart(): CaptureState {
    if (!this.current) return this.start();
    const iface = this.current.iface;
    this.stop();
    return this.start(iface);
  }

  // A running capture changes its kernel filter in place: no reopen, no packet gap, and a
  // filter that does not compile leaves the previous one working.
  setFilter(filter: string | null): CaptureState {
    if (this.current) {
      try {
        this.current.handle.setFilter(filter);
      } catch (e) {
        return this.fail(this.describe(this.current.iface, e));
      }
      const change = filter ? `filter "${filter}"` : 'filter cleared';
      this.opts.log.info(`capture on ${this.current.iface}: ${change}`);
    } else if (this.iface && filter !== null) {
      this.open(this.iface, filter, PROBE_BUFFER_SIZE).handle.close();
    }
    this.filter = filter;
    this.error = null;
    return this.state;
  }

  /** libpcap's counters for the running capture (cumulative since it opened), null when idle. */
  stats(): NativeStats | null {
    try {
      return this.current ? this.current.handle.stats() : null;
    } catch {
      return null;
    }
  }

  /** Packets the kernel dropped (ring full) since the previous call; null when never capturing. */
  takeDrops(): number | null {
    if (!this.current && this.dropsCarried === 0 && this.startedAt === null) return null;
    const now = this.current ? this.droppedBy(this.current.handle) : 0;
    const drops = this.dropsCarried + now - this.dropsSeen;
    this.dropsCarried = 0;
    this.dropsSeen = now;
    return drops;
  }

  // The new handle opens before the old one closes, so a failure leaves the old one running.
  private swapTo(next: OpenCapture): void {
    const previous = this.current;
    if (previous) {
      this.release();
      this.opts.listener.onCaptureEnd(previous.iface);
    }
    this.current = next;
    startBatches(next.handle, this.opts.onBatch, (e) => this.ended(next, e));
    this.error = null;
    this.startedAt = Date.now();
    this.opts.listener.onCaptureStart(next.iface);
    this.opts.log.info(
      `capturing on ${next.iface}${this.filter ? ` with filter "${this.filter}"` : ''}` +
        ` (link type ${next.linkType}, snap length ${next.handle.snapLength()})`,
    );
  }

  private release(): void {
    const open = this.current;
    if (!open) return;
    this.current = null;
    this.dropsCarried += this.droppedBy(open.handle) - this.dropsSeen;
    this.dropsSeen = 0;
    open.handle.close();
  }

  // libpcap ended the capture on its own (interface gone, socket error).
  private ended(open: OpenCapture, e: Error | null): void {
    if (this.current !== open) return;
    this.current = null;
    this.dropsSeen = 0;
    this.startedAt = null;
    this.error = `capture on ${open.iface} stopped: ${e ? this.reasonOf(open.iface, e) : 'end of capture'}`;
    this.opts.log.error(this.error);
    this.opts.listener.onCaptureEnd(open.iface);
  }

  // When the socket fails before libpcap looked at it, libuv only says EBADF: name the usual
  // cause, a vanished interface, the way libpcap would.
  private reasonOf(iface: string, e: Error): string {
    const exists = this.opts.interfaceExists ?? ((name: string) => readSysNet(name) !== null);
    return /bad file descriptor/i.test(e.message) && !exists(iface)
      ? 'The interface disappeared'
      : e.message;
  }

  private droppedBy(handle: NativeHandle): number {
    try {
      return handle.stats().dropped;
    } catch {
      return 0;
    }
  }

  private open(iface: string, filter: string | null, bufferSize?: number): OpenCapture {
    let binding: PcapNativeModule;
    try {
      binding = this.opts.binding ?? loadPcapNative();
    } catch (e) {
      return this.fail(errorMessage(e));
    }
    try {
      const handle = binding.openLive({
        bufferSize: bufferSize ?? DEFAULT_NATIVE_BUFFER_BYTES,
        device: iface,
        filter,
        promisc: this.opts.promisc ?? true,
        snaplen: this.opts.snapLength ?? DEFAULT_NATIVE_SNAP_LENGTH,
        timeoutMs: this.opts.timeoutMs ?? DEFAULT_NATIVE_TIMEOUT_MS,
      });
      return { handle, iface, linkType: handle.linkType() };
    } catch (e) {
      return this.fail(this.describe(iface, e));
    }
  }

  private describe(iface: string, e: unknown): string {
    const detail = nativeErrorDetail(e) ?? errorMessage(e);
    switch (nativeErrorCode(e)) {
      case 'PERMISSION_DENIED':
        return describeOpenError(
          iface,
          isPermissionError(detail) ? detail : `${detail}: permission denied`,
        );
      case 'NO_SUCH_DEVICE':
        return `capture on ${iface}: no such interface (see \`interfaces\` for the list)`;
      default: {
        const message = errorMessage(e);
        return message.startsWith('capture on ') ? message : `capture on ${iface}: ${message}`;
      }
    }
  }
}
