import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../common/logger';
import { DiskOutbox, type DiskOutboxOptions } from './disk-outbox';
import { RECORD_HEADER_BYTES } from './outbox-record';

describe(DiskOutbox.name, () => {
  let dir: string;
  let warnings: string[];
  const open = (extra: Partial<DiskOutboxOptions> = {}) =>
    new DiskOutbox({
      dir,
      fsyncMs: 0,
      log: createLogger('warn', (line) => warnings.push(line)),
      maxBytes: 1024 * 1024,
      segmentBytes: 1024,
      ...extra,
    });
  const report = (seq: number) => Buffer.from(JSON.stringify({ pad: 'x'.repeat(80), seq }));
  const fill = (sut: DiskOutbox, from: number, to: number) => {
    for (let seq = from; seq <= to; seq++) sut.append(seq, report(seq));
  };
  const segments = () =>
    readdirSync(dir)
      .filter((n) => n.startsWith('seg-'))
      .sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nta-outbox-spec-'));
    warnings = [];
  });

  afterEach(() => rmSync(dir, { force: true, recursive: true }));

  it('keeps every report until acked and reads each back byte for byte', () => {
    const sut = open();
    fill(sut, 100, 129);

    expect(sut.pending).toBe(30);
    expect([...sut.pendingSeqs()]).toEqual(Array.from({ length: 30 }, (_, i) => 100 + i));
    expect(sut.read(117)).toEqual(report(117));

    expect(sut.ack([100, 101, 101, 999])).toBe(2);
    expect(sut.pending).toBe(28);
    expect(sut.read(100)).toBeNull();
    sut.close();
  });

  it('deletes a segment once all of its reports are acked', () => {
    const sut = open();
    fill(sut, 1, 40);
    const before = segments().length;

    sut.ack(Array.from({ length: 20 }, (_, i) => i + 1));

    expect(before).toBeGreaterThan(2);
    expect(segments().length).toBeLessThan(before);
    expect(sut.read(21)).toEqual(report(21));
    sut.close();
  });

  it('survives a reopen: unacked reports come back, acked ones do not', () => {
    const first = open();
    fill(first, 1, 25);
    first.ack([1, 2, 3, 10]);
    first.close();

    const sut = open();

    expect(sut.pending).toBe(21);
    expect(sut.has(10)).toBeFalse();
    expect(sut.read(25)).toEqual(report(25));
    fill(sut, 26, 27);
    expect([...sut.pendingSeqs()].slice(-3)).toEqual([25, 26, 27]);
    sut.close();
  });

  it('evicts the oldest segments whole at the byte cap, counts and logs them', () => {
    const sut = open({ maxBytes: 4096 });
    fill(sut, 1, 200);

    expect(sut.bytes).toBeLessThanOrEqual(4096);
    expect(sut.evicted).toBe(200 - sut.pending);
    expect(sut.evicted).toBeGreaterThan(100);
    // The newest reports are the ones kept.
    expect(sut.has(200)).toBeTrue();
    expect(sut.has(1)).toBeFalse();
    expect(warnings.some((w) => w.includes('evicted the oldest'))).toBeTrue();
    sut.close();
  });

  it('skips and counts a torn last record after a crash mid-write, and keeps appending', () => {
    const first = open({ segmentBytes: 1024 * 1024 });
    fill(first, 1, 5);
    first.close();
    const [segment] = segments();
    const path = join(dir, segment);
    // A kill -9 in the middle of the 6th record's write: its header and half of its payload.
    const torn = Buffer.alloc(RECORD_HEADER_BYTES + 10, 0);
    torn.writeUInt32LE(0x4e544131, 0);
    torn.writeUInt32LE(500, 4);
    appendFileSync(path, torn);

    const sut = open({ segmentBytes: 1024 * 1024 });

    expect(sut.corrupt).toBe(1);
    expect(sut.pending).toBe(5);
    expect(warnings.some((w) => w.includes('torn or corrupt record'))).toBeTrue();
    fill(sut, 6, 7);
    sut.close();
    const reopened = open({ segmentBytes: 1024 * 1024 });
    expect(reopened.corrupt).toBe(0);
    expect([...reopened.pendingSeqs()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    reopened.close();
  });

  it('treats a record with a bad checksum as corrupt, not as a report', () => {
    const first = open({ segmentBytes: 1024 * 1024 });
    fill(first, 1, 3);
    first.close();
    const path = join(dir, segments()[0]);
    // Cut the last record short by one byte: its checksum can no longer match.
    truncateSync(path, statSync(path).size - 1);

    const sut = open({ segmentBytes: 1024 * 1024 });

    expect(sut.corrupt).toBe(1);
    expect([...sut.pendingSeqs()]).toEqual([1, 2]);
    sut.close();
  });
});
