import type { StatsReport } from '@nta/contracts';
import type { CaptureControl } from '../capture/capture-control';
import type { Logger } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { createAccumulator } from './create-accumulator';
import { createLiveCapture } from './live-capture';
import { ReportLoop } from './report-loop';
import { formatReportLine } from './report-line';

export interface WatchOptions {
  json: boolean;
  // Stop after this many reports; null runs until a signal.
  seconds: number | null;
  write: (line: string) => void;
}

/**
 * `watch`: capture and analyse without a console, one report per second on stdout. The JSON is
 * exactly the payload `run` would publish (seq counts from 1, nothing is persisted).
 */
export class WatchRuntime {
  private readonly capture: CaptureControl;
  private done = false;
  private finished: () => void = () => undefined;
  private seq = 0;

  constructor(
    config: AgentConfig,
    log: Logger,
    private readonly opts: WatchOptions,
  ) {
    const accumulator = createAccumulator(config);
    let takeDrops: () => number | null = () => null;
    const reports = new ReportLoop({
      accumulator,
      agentId: config.agentId,
      drops: () => takeDrops(),
      emit: (report) => this.emit(report),
      nextSeq: () => ++this.seq,
    });
    const live = createLiveCapture({
      accumulator,
      filter: config.filter,
      interface: config.interface,
      listener: reports,
      log,
      settings: config,
    });
    takeDrops = () => live.takeDrops();
    this.capture = live.control;
  }

  /** Starts capturing (throws CaptureError); resolves after `seconds` reports. */
  run(): Promise<void> {
    const ended = new Promise<void>((resolve) => (this.finished = resolve));
    this.capture.start();
    return ended;
  }

  /** Ends quietly: the partial second is not printed. */
  stop(): void {
    this.done = true;
    this.capture.stop();
    this.finished();
  }

  private emit(report: StatsReport): void {
    if (this.done) return;
    this.opts.write(this.opts.json ? JSON.stringify(report) : formatReportLine(report));
    if (this.opts.seconds !== null && this.seq >= this.opts.seconds) this.stop();
  }
}
