import type { StatsReport } from '@nta/contracts';
import { emptyStatsReport } from '@nta/contracts';
import { type CommittedBatch, ReportBatcher } from './report-batcher';

const report = (seq: number) =>
  emptyStatsReport({
    agentId: 'a1',
    interface: 'eth0',
    intervalEnd: 1_700_000_001_000 + seq * 1000,
    intervalStart: 1_700_000_000_000 + seq * 1000,
    seq,
  });

describe(ReportBatcher.name, () => {
  let committed: CommittedBatch[];
  let failed: StatsReport[][];
  let stored: StatsReport[][];
  let failNext: boolean;
  let sut: ReportBatcher;

  beforeEach(() => {
    committed = [];
    failed = [];
    stored = [];
    failNext = false;
    jasmine.clock().install();
    sut = new ReportBatcher(
      { batchRows: 3, flushMs: 200, highWater: 100, inFlight: 1, maxPending: 5 },
      {
        committed: (c) => committed.push(c),
        failed: (b) => failed.push(b),
        store: (reports) => {
          stored.push(reports);
          if (failNext) return Promise.reject(new Error('down'));
          return Promise.resolve(new Set(reports));
        },
      },
    );
  });

  afterEach(() => jasmine.clock().uninstall());

  it('waits flushMs before storing a small batch', async () => {
    sut.add(report(1));
    expect(stored.length).toBe(0);

    jasmine.clock().tick(200);
    await sut.flush();

    expect(stored.map((b) => b.map((r) => r.seq))).toEqual([[1]]);
  });

  it('stores at once when batchRows are waiting', async () => {
    [1, 2, 3].forEach((s) => sut.add(report(s)));
    await sut.flush();

    expect(stored.map((b) => b.length)).toEqual([3]);
    expect(committed[0].fresh.size).toBe(3);
  });

  it('stores a report delivered twice in one batch once, but returns both for acks', async () => {
    sut.add(report(1));
    sut.add(report(1));
    await sut.flush();

    expect(stored[0].length).toBe(1);
    expect(committed[0].batch.length).toBe(2);
    expect(committed[0].fresh.size).toBe(1);
  });

  it('hands a failed batch to failed(), not committed()', async () => {
    failNext = true;
    sut.add(report(1));
    await sut.flush();

    expect(committed).toEqual([]);
    expect(failed.map((b) => b.length)).toEqual([1]);
  });

  it('stores up to inFlight batches at the same time, then the rest as slots free', async () => {
    const slots: (() => void)[] = [];
    const started: number[][] = [];
    sut = new ReportBatcher(
      { batchRows: 2, flushMs: 200, highWater: 100, inFlight: 2, maxPending: 10 },
      {
        committed: (c) => committed.push(c),
        failed: (b) => failed.push(b),
        store: (reports) => {
          started.push(reports.map((r) => r.seq));
          return new Promise((resolve) => slots.push(() => resolve(new Set(reports))));
        },
      },
    );
    [1, 2, 3, 4, 5].forEach((s) => sut.add(report(s)));

    expect(started).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const done = sut.flush();
    slots[0]();
    await new Promise((r) => setImmediate(r));
    expect(started.at(-1)).toEqual([5]);
    slots[1]();
    slots[2]();
    await done;
    expect(committed.map((c) => c.batch.length).sort()).toEqual([1, 2, 2]);
    expect(sut.size).toBe(0);
  });

  it('refuses reports beyond maxPending', () => {
    const added = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => sut.add(report(s)));

    // 3 went into the first batch at once; 5 more may wait.
    expect(added.filter((a) => !a).length).toBe(0);
    expect(sut.add(report(9))).toBeFalse();
  });

  it('asks senders to wait from highWater pending reports, and lets one go per free place', async () => {
    const slots: (() => void)[] = [];
    sut = new ReportBatcher(
      { batchRows: 2, flushMs: 200, highWater: 4, inFlight: 1, maxPending: 20 },
      {
        committed: (c) => committed.push(c),
        failed: (b) => failed.push(b),
        store: (reports) => new Promise((resolve) => slots.push(() => resolve(new Set(reports)))),
      },
    );
    // [1, 2] is being stored; 3 to 5 wait behind it.
    [1, 2, 3, 4, 5].forEach((s) => sut.add(report(s)));
    expect(sut.room()).toBeUndefined();
    sut.add(report(6));
    const freed: number[] = [];
    for (const n of [1, 2, 3]) void sut.room()?.then(() => freed.push(n));
    sut.add(report(7));
    // Below the mark again, but a sender is still waiting: this one waits behind it.
    void sut.room()?.then(() => freed.push(4));

    slots[0]();
    await new Promise((r) => setImmediate(r));
    // [3, 4] went to Postgres: 3 wait, one place below the mark.
    expect(sut.size).toBe(3);
    expect(freed).toEqual([1]);
    slots[1]();
    await new Promise((r) => setImmediate(r));
    // [5, 6] went too: 1 waits, three places.
    expect(freed).toEqual([1, 2, 3, 4]);
    const done = sut.flush();
    slots[2]();
    await new Promise((r) => setImmediate(r));
    slots[3]();
    await done;
    expect(committed.map((c) => c.batch.length)).toEqual([2, 2, 2, 1]);
  });

  it('lets every waiting sender go once nothing is pending or being stored', async () => {
    let finish = () => undefined as void;
    sut = new ReportBatcher(
      { batchRows: 5, flushMs: 200, highWater: 1, inFlight: 1, maxPending: 20 },
      {
        committed: (c) => committed.push(c),
        failed: (b) => failed.push(b),
        store: (reports) => new Promise((resolve) => (finish = () => resolve(new Set(reports)))),
      },
    );
    [1, 2, 3, 4, 5].forEach((s) => sut.add(report(s)));
    sut.add(report(6));
    const freed: number[] = [];
    for (const n of [1, 2, 3]) void sut.room()?.then(() => freed.push(n));
    const done = sut.flush();
    finish();
    await new Promise((r) => setImmediate(r));
    // [6] is being stored: one place was free.
    expect(freed).toEqual([1]);
    finish();
    await done;
    await new Promise((r) => setImmediate(r));
    expect(freed).toEqual([1, 2, 3]);
  });
});
