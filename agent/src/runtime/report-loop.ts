import { REPORT_INTERVAL_MS, type StatsReport } from '@nta/contracts';
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import type { CaptureListener } from '../capture/cap-source';

export interface ReportLoopOptions {
  accumulator: StatsAccumulator;
  agentId: string;
  emit: (report: StatsReport) => void;
  intervalMs?: number;
  nextSeq: () => number;
  now?: () => number;
}

/** Flushes the accumulator every second while a capture runs, zero traffic included. */
export class ReportLoop implements CaptureListener {
  private iface: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ReportLoopOptions) {}

  onCaptureStart(iface: string): void {
    this.iface = iface;
    this.opts.accumulator.reset(this.now());
    this.timer ??= setInterval(() => this.flush(), this.opts.intervalMs ?? REPORT_INTERVAL_MS);
  }

  // The partial interval is reported too, so packets seen before a stop are not lost.
  onCaptureEnd(iface: string): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.iface === iface) this.flush();
    this.iface = null;
  }

  private flush(): void {
    if (this.iface === null) return;
    const { accumulator, agentId, emit, nextSeq } = this.opts;
    emit(
      accumulator.flush({
        agentId,
        interface: this.iface,
        intervalEnd: this.now(),
        seq: nextSeq(),
      }),
    );
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
