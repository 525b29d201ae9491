import type { StatsReport } from '@nta/contracts';

/**
 * Reports waiting for a connection, oldest first, in memory: `analyze --publish` sends a file's
 * reports this way. The `run` agent keeps its reports on disk (outbox/disk-outbox.ts).
 */
export class ReportOutbox {
  private dropped = 0;
  private readonly queue: StatsReport[] = [];

  constructor(private readonly capacity: number) {}

  get droppedCount(): number {
    return this.dropped;
  }

  get size(): number {
    return this.queue.length;
  }

  push(report: StatsReport): void {
    if (this.queue.length >= this.capacity) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(report);
  }

  /** Hands every queued report to `send`, oldest first, and empties the queue. */
  drain(send: (report: StatsReport) => void): number {
    const reports = this.queue.splice(0, this.queue.length);
    for (const report of reports) send(report);
    return reports.length;
  }
}
