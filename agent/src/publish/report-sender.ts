import type { DiskOutbox } from './outbox/disk-outbox';

export interface ReportSenderOptions {
  // Resend a report the console has not acknowledged after this long.
  ackTimeoutMs: number;
  now?: () => number;
  outbox: DiskOutbox;
  // Publishes one report at QoS 1; false when there is no connection.
  send: (payload: Buffer) => boolean;
  // Backlog reports in flight at once: the drain rate is bounded by the console's acks.
  window: number;
}

/**
 * Store-and-forward: every report goes to the on-disk outbox first and leaves it only on the
 * console's ack. A live report is sent at once; the backlog trickles out through a window of
 * in-flight reports, so a long outage never delays the current second behind hours of history.
 */
export class ReportSender {
  private connected = false;
  private readonly inFlight = new Map<number, number>();
  private resent = 0;

  constructor(private readonly opts: ReportSenderOptions) {}

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  get resentCount(): number {
    return this.resent;
  }

  push(seq: number, payload: Buffer): void {
    this.opts.outbox.append(seq, payload);
    if (this.connected && this.opts.send(payload)) this.inFlight.set(seq, this.now());
    else this.pump();
  }

  onAck(seqs: readonly number[]): void {
    this.opts.outbox.ack(seqs);
    for (const seq of seqs) this.inFlight.delete(seq);
    this.pump();
  }

  onConnected(): void {
    this.connected = true;
    this.inFlight.clear();
    this.pump();
  }

  onDisconnected(): void {
    this.connected = false;
    this.inFlight.clear();
  }

  /** Called about once a second: reports unacknowledged past the timeout go out again. */
  tick(): void {
    const expired = this.now() - this.opts.ackTimeoutMs;
    for (const [seq, sentAt] of this.inFlight) {
      if (sentAt <= expired) {
        this.inFlight.delete(seq);
        this.resent++;
      }
    }
    this.pump();
  }

  private pump(): void {
    if (!this.connected) return;
    const { outbox, send, window } = this.opts;
    if (this.inFlight.size >= window) return;
    for (const seq of outbox.pendingSeqs()) {
      if (this.inFlight.has(seq)) continue;
      const payload = outbox.read(seq);
      if (payload === null || !send(payload)) return;
      this.inFlight.set(seq, this.now());
      if (this.inFlight.size >= window) return;
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
