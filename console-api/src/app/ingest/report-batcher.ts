import type { StatsReport } from '@nta/contracts';

export interface BatchOptions {
  batchRows: number;
  flushMs: number;
  // Pending reports from which room() asks senders to wait.
  highWater: number;
  // Batches stored concurrently.
  inFlight: number;
  // Pending reports past which add() refuses.
  maxPending: number;
}

export interface CommittedBatch {
  // Every report of the batch, replays included (each needs its ack).
  batch: StatsReport[];
  fresh: Set<StatsReport>;
  // How long storing took.
  ms: number;
}

export interface BatchHandlers {
  committed(result: CommittedBatch): void;
  failed(batch: StatsReport[], error: Error): void;
  store(reports: StatsReport[]): Promise<Set<StatsReport>>;
}

const keyOf = (r: StatsReport) => `${r.agentId}/${r.seq}/${r.intervalStart}`;

/**
 * Collects reports and stores them many per transaction: after `flushMs`, or at once when
 * `batchRows` wait. Up to `inFlight` batches are stored at the same time (on their own pooled
 * connections): with one, Postgres sat idle while the console built the next batch and the
 * console waited on Postgres (bench:ingest). What arrives meanwhile forms the next batch.
 */
export class ReportBatcher {
  private pending: StatsReport[] = [];
  private storing = 0;
  private timer: NodeJS.Timeout | null = null;
  private drained: (() => void)[] = [];
  private waiting: (() => void)[] = [];

  constructor(
    private readonly options: BatchOptions,
    private readonly handlers: BatchHandlers,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  /** False when too many reports already wait (the agent keeps it and sends it again). */
  add(report: StatsReport): boolean {
    if (this.pending.length >= this.options.maxPending) return false;
    this.pending.push(report);
    if (this.pending.length >= this.options.batchRows) this.pump(false);
    else this.timer ??= setTimeout(() => this.pump(true), this.options.flushMs);
    return true;
  }

  /**
   * undefined while there is room; past the high-water mark (or while others wait), a promise
   * that resolves in turn as stored batches free room (what a sender of more should wait for).
   */
  room(): Promise<void> | undefined {
    if (this.pending.length < this.options.highWater && this.waiting.length === 0) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stores everything pending; resolves once all of it is committed (or failed). */
  flush(): Promise<void> {
    this.pump(true);
    if (this.pending.length === 0 && this.storing === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  // Starts batches while a slot is free: full ones always, a partial one when `partial`.
  private pump(partial: boolean): void {
    if (partial && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (
      this.storing < this.options.inFlight &&
      this.pending.length > 0 &&
      (partial || this.pending.length >= this.options.batchRows)
    ) {
      this.storing++;
      void this.store(this.pending.splice(0, this.options.batchRows)).finally(() => {
        this.storing--;
        // What waited while the slot was busy goes now, full or not.
        this.pump(true);
        if (this.pending.length === 0 && this.storing === 0) {
          for (const resolve of this.drained.splice(0)) resolve();
        }
      });
    }
    // One waiting sender per free place, oldest first: letting them all go at once brought every
    // agent's buffered reports in together, far past the mark (bench:ingest at 2,500 agents).
    // Idle, all go: no batch would finish to let the rest go later.
    const idle = this.pending.length === 0 && this.storing === 0;
    const free = idle ? this.waiting.length : this.options.highWater - this.pending.length;
    if (free > 0) for (const resolve of this.waiting.splice(0, free)) resolve();
  }

  private async store(batch: StatsReport[]): Promise<void> {
    // A report delivered twice in one batch is stored once; the copy is acked as a replay.
    const unique = [...new Map(batch.map((r) => [keyOf(r), r] as const)).values()];
    const started = Date.now();
    try {
      const fresh = await this.handlers.store(unique);
      this.handlers.committed({ batch, fresh, ms: Date.now() - started });
    } catch (error) {
      this.handlers.failed(batch, error as Error);
    }
  }
}
