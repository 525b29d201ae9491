import type { CaptureState } from '@nta/contracts';
import { errorMessage, type Logger } from '../common/logger';
import { LINKTYPE_UNKNOWN, linkTypeFromCap } from '../decode/link-type';
import { type CapHandle, capDeviceList, newCapHandle } from './cap-binding';
import { CaptureSourceBase } from './capture-source-base';
import { describeOpenError } from './capture-error';

/** Called once per captured packet; `buf` is reused, valid only during the call. */
export type PacketSink = (buf: Buffer, caplen: number, linkType: number) => void;

export interface CaptureListener {
  /** A capture on `iface` ended (stopped, switched interface or replaced); flush its interval. */
  onCaptureEnd(iface: string): void;
  onCaptureStart(iface: string): void;
}

export interface CapSourceOptions {
  bufferSize: number;
  filter: string | null;
  interface: string | null;
  listener: CaptureListener;
  log: Logger;
  onPacket: PacketSink;
}

// cap fixes libpcap's snap length at 65535; one extra byte so `truncated` is never set.
export const SNAP_LENGTH = 65535;
// In immediate mode libpcap's ring holds fixed snaplen-sized slots (~68 KiB each with cap's
// snap length), so 32 MiB buffers only ~480 packets: enough for a burst between event-loop
// turns, where 1 MiB (16 slots) measurably dropped a 50-datagram burst.
export const DEFAULT_CAPTURE_BUFFER_BYTES = 32 * 1024 * 1024;
// Validation-only opens use a small kernel buffer: a failed handle is never freed (see cap-binding).
const PROBE_BUFFER_SIZE = 64 * 1024;

interface OpenCapture {
  handle: CapHandle;
  iface: string;
  linkType: number;
}

/** A live libpcap capture through `cap`, one callback per packet. */
export class CapSource extends CaptureSourceBase<OpenCapture> {
  private readonly buffer = Buffer.alloc(SNAP_LENGTH + 1);

  constructor(private readonly opts: CapSourceOptions) {
    super(opts.filter, opts.interface);
  }

  protected startOn(iface: string): void {
    this.swapTo(iface, this.filter, this.opts.bufferSize);
  }

  stop(): CaptureState {
    if (this.current) {
      const { handle, iface } = this.current;
      this.current = null;
      handle.removeAllListeners('packet');
      handle.close();
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

  setFilter(filter: string | null): CaptureState {
    if (this.current) {
      this.swapTo(this.current.iface, filter, this.opts.bufferSize);
    } else if (this.iface && filter !== null) {
      // Not capturing: still prove the filter compiles for this interface before keeping it.
      this.open(this.iface, filter, PROBE_BUFFER_SIZE).handle.close();
    }
    this.filter = filter;
    this.error = null;
    return this.state;
  }

  // The new handle opens before the old one closes, so a failure leaves the old one running.
  private swapTo(iface: string, filter: string | null, bufferSize: number): void {
    const next = this.open(iface, filter, bufferSize);
    const previous = this.current;
    if (previous) {
      previous.handle.removeAllListeners('packet');
      previous.handle.close();
      this.opts.listener.onCaptureEnd(previous.iface);
    }
    const { onPacket } = this.opts;
    const buffer = this.buffer;
    const linkType = next.linkType;
    next.handle.on('packet', (nbytes: number) => onPacket(buffer, nbytes, linkType));
    this.current = next;
    this.error = null;
    this.startedAt = Date.now();
    this.opts.listener.onCaptureStart(iface);
    this.opts.log.info(
      `capturing on ${iface}${filter ? ` with filter "${filter}"` : ''} (link type ${linkType})`,
    );
  }

  private open(iface: string, filter: string | null, bufferSize: number): OpenCapture {
    // libpcap happily creates a handle for a missing device; checking first avoids a leaked one.
    if (!capDeviceList().some((d) => d.name === iface)) {
      this.fail(`capture on ${iface}: no such interface (see \`interfaces\` for the list)`);
    }
    const handle = newCapHandle();
    let linkName: string;
    try {
      linkName = handle.open(iface, filter ?? '', bufferSize, this.buffer);
    } catch (e) {
      return this.fail(describeOpenError(iface, errorMessage(e)));
    }
    const linkType = linkTypeFromCap(linkName);
    if (linkType === LINKTYPE_UNKNOWN) {
      this.opts.log.warn(`capture on ${iface}: link type ${linkName} is not decoded yet`);
    }
    return { handle, iface, linkType };
  }
}
