import type { StatsReport } from '@nta/contracts';
import { StatsAccumulator } from '../aggregate/stats-accumulator';
import { packet } from '../aggregate/testdata/packets';
import { ReportLoop } from './report-loop';

describe(ReportLoop.name, () => {
  let clock: number;
  let reports: StatsReport[];
  let accumulator: StatsAccumulator;
  let sut: ReportLoop;
  let interfaceCounts: (number | null)[];
  let dropCounts: (number | null)[];
  const udp = (wire: number) => {
    const p = packet({ dst: '10.0.0.2', src: '10.0.0.1' });
    accumulator.add(p.info, p.buf, wire, 1, clock);
  };

  beforeEach(() => {
    jasmine.clock().install();
    clock = 10_000;
    reports = [];
    let seq = 41;
    accumulator = new StatsAccumulator(1);
    interfaceCounts = [4, null, 0];
    dropCounts = [3, 0];
    sut = new ReportLoop({
      accumulator,
      agentId: 'host-1',
      counters: () => ({ delta: () => interfaceCounts.shift() ?? null }),
      drops: () => dropCounts.shift() ?? null,
      emit: (r) => reports.push(r),
      nextSeq: () => ++seq,
      now: () => clock,
      queued: () => 7,
    });
  });

  afterEach(() => jasmine.clock().uninstall());

  const advance = (ms: number) => {
    clock += ms;
    jasmine.clock().tick(ms);
  };

  it('emits one report per second with increasing seq, even without traffic', () => {
    sut.onCaptureStart('eth0');
    udp(100);
    advance(3_000);

    expect(reports.map((r) => r.seq)).toEqual([42, 43, 44]);
    expect(reports.map((r) => r.totals.packets)).toEqual([1, 0, 0]);
    expect(reports[0].intervalStart).toBe(10_000);
    expect(reports[2].intervalEnd).toBe(13_000);
    expect(reports.every((r) => r.interface === 'eth0')).toBeTrue();
  });

  it('fills coverage and drops from the capture counters, the publisher queue and the lag', () => {
    sut.onCaptureStart('eth0');
    udp(100);
    advance(1_000);
    advance(1_000);

    expect(reports.map((r) => r.quality.coveragePct)).toEqual([25, null]);
    expect(reports.map((r) => r.quality.interfacePackets)).toEqual([4, null]);
    expect(reports.map((r) => r.quality.drops)).toEqual([3, 0]);
    expect(reports.every((r) => r.quality.queued === 7)).toBeTrue();
    expect(reports.every((r) => r.quality.publishLagMs === 0)).toBeTrue();
  });

  it('measures how late a report reaches the publisher when the timer fires late', () => {
    sut.onCaptureStart('eth0');
    // The event loop was busy: the clock is 250 ms past the due time when the timer runs.
    clock += 1_250;
    jasmine.clock().tick(1_000);

    expect(reports[0].quality.publishLagMs).toBe(250);
  });

  it('reports the partial interval at the end of a capture, then stays quiet', () => {
    sut.onCaptureStart('eth0');
    advance(1_000);
    udp(60);
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
