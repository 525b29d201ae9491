import { REPORT_INTERVAL_MS, type StatsReport } from '@nta/contracts';
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import type { CaptureListener } from '../capture/cap-source';
import { InterfaceCounters } from '../capture/interface-counters';

export interface PacketCounter {
  delta(): number | null;
}

export interface ReportLoopOptions {
  accumulator: StatsAccumulator;
  agentId: string;
  // The interface's own packet counters (coverage); /sys/class/net by default.
  counters?: (iface: string) => PacketCounter;
  // Kernel drops since the previous call (libpcap's pcap_stats); null when unknown.
  drops?: () => number | null;
  emit: (report: StatsReport) => void;
  intervalMs?: number;
  nextSeq: () => number;
  now?: () => number;
  // Reports already waiting in the publisher.
  queued?: () => number;
}

/** Flushes the accumulator every second while a capture runs, zero traffic included. */
export class ReportLoop implements CaptureListener {
  private counters: PacketCounter | null = null;
  private dueAt = 0;
  private iface: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ReportLoopOptions) {}

  onCaptureStart(iface: string): void {
    this.iface = iface;
    const now = this.now();
    this.opts.accumulator.reset(now);
    this.counters = (this.opts.counters ?? ((i) => new InterfaceCounters(i)))(iface);
    const interval = this.opts.intervalMs ?? REPORT_INTERVAL_MS;
    this.dueAt = now + interval;
    this.timer ??= setInterval(() => this.flush(true), interval);
  }

  // The partial interval is reported too, so packets seen before a stop are not lost.
  onCaptureEnd(iface: string): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.iface === iface) this.flush(false);
    this.iface = null;
  }

  private flush(onTimer: boolean): void {
    if (this.iface === null) return;
    const { accumulator, agentId, emit, nextSeq } = this.opts;
    const intervalEnd = this.now();
    const report = accumulator.flush({
      agentId,
      interface: this.iface,
      interfacePackets: this.counters?.delta() ?? null,
      intervalEnd,
      seq: nextSeq(),
    });
    // Lag: how late the report reaches the publisher after its interval was due to end (a
    // saturated event loop fires the timer late). Node reschedules from each firing.
    const due = onTimer ? this.dueAt : intervalEnd;
    if (onTimer) this.dueAt = intervalEnd + (this.opts.intervalMs ?? REPORT_INTERVAL_MS);
    report.quality.publishLagMs = Math.max(0, this.now() - due);
    report.quality.queued = this.opts.queued?.() ?? 0;
    report.quality.drops = this.opts.drops?.() ?? null;
    emit(report);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
