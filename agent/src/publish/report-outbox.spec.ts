import type { StatsReport } from '@nta/contracts';
import { ReportOutbox } from './report-outbox';

describe(ReportOutbox.name, () => {
  const report = (seq: number) => ({ seq }) as StatsReport;

  it('drains in order and empties', () => {
    const sut = new ReportOutbox(10);
    [1, 2, 3].forEach((s) => sut.push(report(s)));
    const sent: number[] = [];

    expect(sut.drain((r) => sent.push(r.seq))).toBe(3);
    expect(sent).toEqual([1, 2, 3]);
    expect(sut.size).toBe(0);
  });

  it('drops the oldest report beyond capacity and counts it', () => {
    const sut = new ReportOutbox(2);
    [1, 2, 3].forEach((s) => sut.push(report(s)));
    const sent: number[] = [];
    sut.drain((r) => sent.push(r.seq));

    expect(sent).toEqual([2, 3]);
    expect(sut.droppedCount).toBe(1);
  });
});
