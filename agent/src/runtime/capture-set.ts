import type { CaptureState, StatsReport } from '@nta/contracts';
import { CaptureError } from '../capture/capture-error';
import type { Logger } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { createAccumulator } from './create-accumulator';
import { createLiveCapture, type LiveCapture, type LiveCaptureOptions } from './live-capture';
import { ReportLoop } from './report-loop';

export interface CaptureChoice {
  filter: string | null;
  interface: string;
}

export interface CaptureSetOptions {
  config: AgentConfig;
  // The backend factory; specs pass one over fake sources.
  createLive?: (opts: LiveCaptureOptions) => LiveCapture;
  // Interface for a start that names none (configuration, else the default route's).
  defaultInterface: string | null;
  emit: (report: StatsReport) => void;
  log: Logger;
  nextSeq: () => number;
  queued: () => number;
}

interface Running {
  live: LiveCapture;
  loop: ReportLoop;
}

/**
 * Every capture of the agent, one per interface, each with its own accumulator and report
 * loop (its own stream of reports, one seq sequence). A change that fails (bad filter, no such
 * interface) throws CaptureError and leaves the captures as they were.
 */
export class CaptureSet {
  private readonly captures = new Map<string, Running>();
  private defaultFilter: string | null;
  private lastStopped: CaptureState | null = null;

  constructor(
    private readonly opts: CaptureSetOptions,
    filter: string | null,
  ) {
    this.defaultFilter = filter;
  }

  /** The first running capture, else the most recently stopped or failed one. */
  get primary(): CaptureState {
    const states = this.states;
    return (
      states.find((s) => s.running) ??
      states[0] ??
      this.lastStopped ?? {
        error: null,
        filter: this.defaultFilter,
        interface: this.opts.defaultInterface,
        running: false,
        startedAt: null,
      }
    );
  }

  get states(): CaptureState[] {
    return [...this.captures.values()].map((c) => c.live.control.state);
  }

  /** What should run again after a restart: every capture not stopped on purpose. */
  get choices(): CaptureChoice[] {
    return [...this.captures.entries()].map(([iface, c]) => ({
      filter: c.live.control.state.filter,
      interface: iface,
    }));
  }

  /** Starts `iface` (or the default); with `filter` defined, that filter (null: none). */
  start(iface?: string, filter?: string | null): CaptureState {
    const target = iface ?? this.opts.defaultInterface;
    if (!target) {
      return this.fail(
        'no interface to capture: set --interface / NTA_INTERFACE or send start with an interface',
      );
    }
    const existing = this.captures.get(target);
    if (existing) {
      const state = existing.live.control.state;
      if (filter !== undefined && filter !== state.filter) {
        return existing.live.control.setFilter(filter);
      }
      return state.running ? state : existing.live.control.start(target);
    }
    const created = this.create(target, filter === undefined ? this.defaultFilter : filter);
    try {
      created.live.control.start(target);
    } catch (e) {
      this.lastStopped = created.live.control.state;
      throw e;
    }
    this.captures.set(target, created);
    return created.live.control.state;
  }

  /** Stops `iface`, or every capture; returns the state of the (last) one stopped. */
  stop(iface?: string): CaptureState {
    const targets = iface === undefined ? [...this.captures.keys()] : [iface];
    if (iface !== undefined && !this.captures.has(iface)) {
      return { ...this.primary, interface: iface, running: false, startedAt: null };
    }
    let last = this.primary;
    for (const target of targets) {
      const running = this.captures.get(target)!;
      last = running.live.control.stop();
      this.captures.delete(target);
      this.lastStopped = last;
    }
    return last;
  }

  /** "Choose one": opens `iface` first (a failure changes nothing), then stops the others. */
  switchTo(iface: string, filter?: string | null): CaptureState {
    const state = this.start(iface, filter);
    for (const other of [...this.captures.keys()]) if (other !== iface) this.stop(other);
    return state;
  }

  /**
   * Sets the filter of `iface`, or of every capture (and of later starts). All or nothing:
   * when one capture rejects it, those already changed get their old filter back.
   */
  setFilter(filter: string | null, iface?: string): CaptureState {
    if (iface !== undefined) {
      const running = this.captures.get(iface);
      if (!running) return this.fail(`no capture on ${iface} (start it first)`);
      return running.live.control.setFilter(filter);
    }
    const changed: { previous: string | null; running: Running }[] = [];
    try {
      for (const running of this.captures.values()) {
        const previous = running.live.control.state.filter;
        running.live.control.setFilter(filter);
        changed.push({ previous, running });
      }
    } catch (e) {
      for (const { previous, running } of changed) running.live.control.setFilter(previous);
      throw e;
    }
    if (this.captures.size === 0 && filter !== null && this.opts.defaultInterface) {
      // Nothing runs: prove the filter compiles before keeping it for the next start.
      this.create(this.opts.defaultInterface, null).live.control.setFilter(filter);
    }
    this.defaultFilter = filter;
    return this.captures.size > 0 ? this.primary : { ...this.primary, filter };
  }

  stopAll(): void {
    this.stop();
  }

  private create(iface: string, filter: string | null): Running {
    const { config, log, nextSeq } = this.opts;
    const accumulator = createAccumulator(config);
    const holder: { live?: LiveCapture } = {};
    const loop = new ReportLoop({
      accumulator,
      agentId: config.agentId,
      drops: () => holder.live?.takeDrops() ?? null,
      emit: (report) => this.opts.emit(report),
      nextSeq,
      queued: () => this.opts.queued(),
    });
    const live = (this.opts.createLive ?? createLiveCapture)({
      accumulator,
      filter,
      interface: iface,
      listener: loop,
      log,
      settings: config,
    });
    holder.live = live;
    return { live, loop };
  }

  private fail(message: string): never {
    throw new CaptureError(message);
  }
}
