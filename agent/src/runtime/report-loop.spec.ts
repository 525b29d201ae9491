import type { StatsReport } from '@nta/contracts';
import { StatsAccumulator } from '../aggregate/stats-accumulator';
import { SLOT_UDP } from '../decode/transport-slot';
import { ReportLoop } from './report-loop';

describe(ReportLoop.name, () => {
  let clock: number;
  let reports: StatsReport[];
  let accumulator: StatsAccumulator;
  let sut: ReportLoop;

  beforeEach(() => {
    jasmine.clock().install();
    clock = 10_000;
    reports = [];
    let seq = 41;
    accumulator = new StatsAccumulator(1);
    sut = new ReportLoop({
      accumulator,
      agentId: 'host-1',
      emit: (r) => reports.push(r),
      nextSeq: () => ++seq,
      now: () => clock,
    });
  });

  afterEach(() => jasmine.clock().uninstall());

  const advance = (ms: number) => {
    clock += ms;
    jasmine.clock().tick(ms);
  };

  it('emits one report per second with increasing seq, even without traffic', () => {
    sut.onCaptureStart('eth0');
    accumulator.add(SLOT_UDP, 100);
    advance(3_000);

    expect(reports.map((r) => r.seq)).toEqual([42, 43, 44]);
    expect(reports.map((r) => r.totals.packets)).toEqual([1, 0, 0]);
    expect(reports[0].intervalStart).toBe(10_000);
    expect(reports[2].intervalEnd).toBe(13_000);
    expect(reports.every((r) => r.interface === 'eth0')).toBeTrue();
  });

  it('reports the partial interval at the end of a capture, then stays quiet', () => {
    sut.onCaptureStart('eth0');
    advance(1_000);
    accumulator.add(SLOT_UDP, 60);
    advance(400);
    sut.onCaptureEnd('eth0');
    advance(5_000);

    expect(reports.length).toBe(2);
    expect(reports[1]).toEqual(
      jasmine.objectContaining({ intervalEnd: 11_400, intervalStart: 11_000, seq: 43 }),
    );
    expect(reports[1].totals.packets).toBe(1);
  });
});
