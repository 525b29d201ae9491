import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

// 8 bytes (float64) per acknowledged seq. Never fsynced: an ack lost in a crash only means the
// report is sent again, and the console counts a replay once.
const ENTRY_BYTES = 8;

/** Append-only record of the seqs the console acknowledged, so a restart does not resend them. */
export class AckLog {
  private entries: number;
  private fd: number;

  constructor(private readonly path: string) {
    this.entries = AckLog.read(path).length;
    this.fd = openSync(path, 'a');
  }

  /** The seqs on disk; a torn last entry (kill -9 mid-write) is ignored. */
  static read(path: string): number[] {
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      return [];
    }
    const seqs: number[] = [];
    for (let at = 0; at + ENTRY_BYTES <= data.length; at += ENTRY_BYTES) {
      seqs.push(data.readDoubleLE(at));
    }
    return seqs;
  }

  get size(): number {
    return this.entries;
  }

  append(seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    const buf = Buffer.allocUnsafe(seqs.length * ENTRY_BYTES);
    seqs.forEach((seq, i) => buf.writeDoubleLE(seq, i * ENTRY_BYTES));
    writeSync(this.fd, buf);
    this.entries += seqs.length;
  }

  /** Rewrites the log with only `keep` (the acked seqs still in live segments): write, rename. */
  compact(keep: readonly number[]): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    const buf = Buffer.allocUnsafe(keep.length * ENTRY_BYTES);
    keep.forEach((seq, i) => buf.writeDoubleLE(seq, i * ENTRY_BYTES));
    writeSync(fd, buf);
    closeSync(fd);
    renameSync(tmp, this.path);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
    this.entries = keep.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}
