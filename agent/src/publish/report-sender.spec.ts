import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../common/logger';
import { DiskOutbox } from './outbox/disk-outbox';
import { ReportSender } from './report-sender';

describe(ReportSender.name, () => {
  let dir: string;
  let outbox: DiskOutbox;
  let sent: number[];
  let now: number;
  let sut: ReportSender;
  const payload = (seq: number) => Buffer.from(JSON.stringify({ seq }));
  const seqOf = (buf: Buffer) => (JSON.parse(buf.toString()) as { seq: number }).seq;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nta-sender-spec-'));
    outbox = new DiskOutbox({
      dir,
      fsyncMs: 0,
      log: createLogger('error', () => undefined),
      maxBytes: 1024 * 1024,
    });
    sent = [];
    now = 0;
    sut = new ReportSender({
      ackTimeoutMs: 10_000,
      now: () => now,
      outbox,
      send: (buf) => {
        sent.push(seqOf(buf));
        return true;
      },
      window: 3,
    });
  });

  afterEach(() => {
    outbox.close();
    rmSync(dir, { force: true, recursive: true });
  });

  it('keeps reports while disconnected and sends nothing', () => {
    [1, 2, 3].forEach((s) => sut.push(s, payload(s)));

    expect(sent).toEqual([]);
    expect(outbox.pending).toBe(3);
  });

  it('drains a backlog through a window and sends live reports at once', () => {
    for (let s = 1; s <= 10; s++) sut.push(s, payload(s));
    sut.onConnected();
    expect(sent).toEqual([1, 2, 3]);

    sut.push(11, payload(11));
    expect(sent).toEqual([1, 2, 3, 11]);

    sut.onAck([1, 2]);
    // Window of 3 in flight: 3 and 11 are still out, so one more from the backlog.
    expect(sent).toEqual([1, 2, 3, 11, 4]);
    sut.onAck([3, 4, 11]);
    expect(sent).toEqual([1, 2, 3, 11, 4, 5, 6, 7]);
    expect(outbox.pending).toBe(6);
  });

  it('resends an unacked report after the timeout, and everything unacked after a reconnect', () => {
    sut.onConnected();
    sut.push(1, payload(1));
    sut.push(2, payload(2));
    sut.onAck([2]);

    now = 9_999;
    sut.tick();
    expect(sent).toEqual([1, 2]);
    now = 10_000;
    sut.tick();
    expect(sent).toEqual([1, 2, 1]);
    expect(sut.resentCount).toBe(1);

    sut.onDisconnected();
    sut.push(3, payload(3));
    sut.onConnected();
    expect(sent).toEqual([1, 2, 1, 1, 3]);
  });

  it('stops at the first refused send and resumes on the next ack or tick', () => {
    let accept = false;
    const picky = new ReportSender({
      ackTimeoutMs: 10_000,
      outbox,
      send: (buf) => {
        if (accept) sent.push(seqOf(buf));
        return accept;
      },
      window: 10,
    });
    picky.onConnected();
    picky.push(1, payload(1));
    picky.push(2, payload(2));
    expect(sent).toEqual([]);

    accept = true;
    picky.tick();
    expect(sent).toEqual([1, 2]);
  });
});
