import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../common/logger';
import { AckLog } from './ack-log';
import { encodeRecord, RECORD_HEADER_BYTES, type RecordRef, scanRecords } from './outbox-record';

export interface DiskOutboxOptions {
  dir: string;
  // fdatasync period for the segment being written; 0 syncs after every report.
  fsyncMs: number;
  log: Logger;
  maxBytes: number;
  segmentBytes?: number;
}

interface Segment {
  bytes: number;
  id: number;
  path: string;
  pending: number;
  seqs: number[];
}

interface Entry extends RecordRef {
  segment: Segment;
}

const SEGMENT_NAME = /^seg-(\d{12})\.log$/;
const MAX_SEGMENT_BYTES = 8 * 1024 * 1024;
const MIN_SEGMENT_BYTES = 4 * 1024;

/**
 * Reports kept on disk until the console acknowledged them: append-only segment files, oldest
 * deleted once every report in it is acked, or evicted whole when the byte cap is reached.
 *
 * Durability: each report is one write() into the page cache, so a killed agent (kill -9)
 * loses nothing; the segment is fdatasync'ed every `fsyncMs` (not per report: a sync costs
 * milliseconds), so a power cut loses at most that window. A torn last record is skipped.
 */
export class DiskOutbox {
  private active!: Segment;
  private activeFd = -1;
  private readonly ackLog: AckLog;
  private corruptCount = 0;
  private dirty = false;
  private evictedCount = 0;
  private readonly pendingBySeq = new Map<number, Entry>();
  private readFd: { fd: number; segment: Segment } | null = null;
  private readonly segmentBytes: number;
  private readonly segments: Segment[] = [];
  private syncTimer: NodeJS.Timeout | null = null;
  private totalBytes = 0;

  constructor(private readonly opts: DiskOutboxOptions) {
    this.segmentBytes =
      opts.segmentBytes ??
      Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, Math.floor(opts.maxBytes / 16)));
    mkdirSync(opts.dir, { recursive: true });
    const ackPath = join(opts.dir, 'acks.log');
    this.load(new Set(AckLog.read(ackPath)));
    this.ackLog = new AckLog(ackPath);
    this.compactAcks();
    this.openActive(this.nextSegmentId());
    if (opts.fsyncMs > 0) {
      this.syncTimer = setInterval(() => this.sync(), opts.fsyncMs);
      this.syncTimer.unref();
    }
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Torn or corrupt records skipped when the outbox was opened (a crash mid-write). */
  get corrupt(): number {
    return this.corruptCount;
  }

  /** Reports dropped unsent by the byte cap since the agent started. */
  get evicted(): number {
    return this.evictedCount;
  }

  get pending(): number {
    return this.pendingBySeq.size;
  }

  has(seq: number): boolean {
    return this.pendingBySeq.has(seq);
  }

  /** Unacked seqs, oldest first. */
  pendingSeqs(): IterableIterator<number> {
    return this.pendingBySeq.keys();
  }

  append(seq: number, payload: Buffer): void {
    const record = encodeRecord(seq, payload);
    if (this.active.bytes > 0 && this.active.bytes + record.length > this.segmentBytes) {
      this.rotate();
    }
    this.evictFor(record.length);
    writeSync(this.activeFd, record);
    const entry = {
      length: payload.length,
      offset: this.active.bytes + RECORD_HEADER_BYTES,
      segment: this.active,
      seq,
    };
    this.active.bytes += record.length;
    this.active.pending++;
    this.active.seqs.push(seq);
    this.totalBytes += record.length;
    this.pendingBySeq.set(seq, entry);
    this.dirty = true;
    if (this.opts.fsyncMs === 0) this.sync(true);
  }

  /** Drops acknowledged reports; returns how many were still pending. */
  ack(seqs: readonly number[]): number {
    const done: number[] = [];
    for (const seq of seqs) {
      const entry = this.pendingBySeq.get(seq);
      if (!entry) continue;
      this.pendingBySeq.delete(seq);
      entry.segment.pending--;
      done.push(seq);
    }
    this.ackLog.append(done);
    let removed = false;
    while (this.segments[0] !== this.active && this.segments[0].pending === 0) {
      this.removeSegment(this.segments.shift()!);
      removed = true;
    }
    if (removed) this.compactAcks();
    return done.length;
  }

  read(seq: number): Buffer | null {
    const entry = this.pendingBySeq.get(seq);
    if (!entry) return null;
    const fd = this.fdFor(entry.segment);
    const buf = Buffer.allocUnsafe(entry.length);
    readSync(fd, buf, 0, entry.length, entry.offset);
    return buf;
  }

  /** Flushes the segment being written to the disk; `wait` blocks until it is there. */
  sync(wait = false): void {
    if (!this.dirty || this.activeFd < 0) return;
    this.dirty = false;
    if (wait) fdatasyncSync(this.activeFd);
    else fdatasync(this.activeFd, () => undefined);
  }

  close(): void {
    if (this.syncTimer) clearInterval(this.syncTimer);
    if (this.readFd) closeSync(this.readFd.fd);
    this.readFd = null;
    if (this.activeFd >= 0) {
      this.sync(true);
      closeSync(this.activeFd);
      this.activeFd = -1;
    }
    this.ackLog.close();
  }

  private load(acked: Set<number>): void {
    const ids = readdirSync(this.opts.dir)
      .map((name) => SEGMENT_NAME.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    for (const id of ids) {
      const path = this.segmentPath(id);
      const data = readFileSync(path);
      const { records, validBytes } = scanRecords(data);
      if (validBytes < data.length) {
        this.corruptCount++;
        this.opts.log.warn(
          `outbox: ${path}: skipped a torn or corrupt record at byte ${validBytes} ` +
            `(${data.length - validBytes} bytes; an earlier crash mid-write)`,
        );
        const fd = openSync(path, 'r+');
        ftruncateSync(fd, validBytes);
        closeSync(fd);
      }
      const segment: Segment = { bytes: validBytes, id, path, pending: 0, seqs: [] };
      for (const record of records) {
        segment.seqs.push(record.seq);
        if (acked.has(record.seq) || this.pendingBySeq.has(record.seq)) continue;
        segment.pending++;
        this.pendingBySeq.set(record.seq, { ...record, segment });
      }
      if (segment.pending === 0) {
        unlinkSync(path);
        continue;
      }
      this.segments.push(segment);
      this.totalBytes += segment.bytes;
    }
  }

  private nextSegmentId(): number {
    return (this.segments.at(-1)?.id ?? 0) + 1;
  }

  private openActive(id: number): void {
    const path = this.segmentPath(id);
    // a+: appends, and reads (pread) of the reports not yet acked.
    this.activeFd = openSync(path, 'a+');
    this.active = { bytes: 0, id, path, pending: 0, seqs: [] };
    this.segments.push(this.active);
  }

  private rotate(): void {
    const next = this.active.id + 1;
    this.sync(true);
    closeSync(this.activeFd);
    if (this.active.pending === 0) {
      this.segments.pop();
      this.removeSegment(this.active);
    }
    this.openActive(next);
  }

  // Oldest segments go first, whole, until the new record fits under the cap.
  private evictFor(recordBytes: number): void {
    while (this.totalBytes + recordBytes > this.opts.maxBytes && this.segments.length > 1) {
      const oldest = this.segments.shift()!;
      for (const seq of oldest.seqs) {
        if (this.pendingBySeq.delete(seq)) this.evictedCount++;
      }
      this.opts.log.warn(
        `outbox: cap of ${this.opts.maxBytes} bytes reached; evicted the oldest ` +
          `${oldest.pending} unacknowledged reports (${this.evictedCount} since start)`,
      );
      oldest.pending = 0;
      this.removeSegment(oldest);
      this.compactAcks();
    }
  }

  private removeSegment(segment: Segment): void {
    if (segment === this.active) return;
    if (this.readFd?.segment === segment) {
      closeSync(this.readFd.fd);
      this.readFd = null;
    }
    this.totalBytes -= segment.bytes;
    try {
      unlinkSync(segment.path);
    } catch {
      // already gone
    }
  }

  // The ack log only needs the acked seqs of segments still on disk.
  private compactAcks(): void {
    const keep: number[] = [];
    for (const segment of this.segments) {
      for (const seq of segment.seqs) if (!this.pendingBySeq.has(seq)) keep.push(seq);
    }
    if (keep.length !== this.ackLog.size) this.ackLog.compact(keep);
  }

  private fdFor(segment: Segment): number {
    if (segment === this.active) return this.activeFd;
    if (this.readFd?.segment !== segment) {
      if (this.readFd) closeSync(this.readFd.fd);
      this.readFd = { fd: openSync(segment.path, 'r'), segment };
    }
    return this.readFd.fd;
  }

  private segmentPath(id: number): string {
    return join(this.opts.dir, `seg-${String(id).padStart(12, '0')}.log`);
  }
}
