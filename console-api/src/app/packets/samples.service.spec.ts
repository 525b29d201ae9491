import { emptyStatsReport, type PacketSample, type StatsReport } from '@nta/contracts';
import { MAX_INTERFACES_PER_HOST, SAMPLES_PER_INTERFACE, SamplesService } from './samples.service';

function report(seq: number, iface: string, samples: PacketSample[]): StatsReport {
  const start = 1_700_000_000_000 + seq * 1000;
  return {
    ...emptyStatsReport({
      agentId: 'a1',
      interface: iface,
      intervalEnd: start + 1000,
      intervalStart: start,
      seq,
    }),
    samples,
  };
}

function sample(ts: number): PacketSample {
  return { dst: '10.0.0.1', info: `t${ts}`, length: 60, protocol: 'TCP', src: '10.0.0.2', ts };
}

describe(SamplesService.name, () => {
  let sut: SamplesService;

  beforeEach(() => {
    sut = new SamplesService();
  });

  it('lists the latest samples of all interfaces newest first, tagged with their report', () => {
    sut.record(report(1, 'eth0', [sample(10), sample(30)]));
    sut.record(report(2, 'eth1', [sample(20)]));

    expect(sut.latest('a1', 10).map((s) => [s.ts, s.interface, s.seq])).toEqual([
      [30, 'eth0', 1],
      [20, 'eth1', 2],
      [10, 'eth0', 1],
    ]);
    expect(sut.latest('a1', 1, 'eth1').map((s) => s.ts)).toEqual([20]);
    expect(sut.latest('a1', 10, 'wlan0')).toEqual([]);
    expect(sut.latest('other', 10)).toEqual([]);
  });

  it('keeps at most SAMPLES_PER_INTERFACE rows per interface', () => {
    for (let seq = 0; seq < 10; seq++) {
      sut.record(
        report(
          seq,
          'eth0',
          Array.from({ length: 200 }, (_, i) => sample(seq * 1000 + i)),
        ),
      );
    }

    const rows = sut.latest('a1', SAMPLES_PER_INTERFACE);
    expect(rows.length).toBe(SAMPLES_PER_INTERFACE);
    // The last 500 pushed: all of seq 9 and 8, the newest 100 of seq 7.
    expect(rows[0].ts).toBe(9199);
    expect(rows[rows.length - 1].ts).toBe(7100);
  });

  it('forgets the least recently written interface past MAX_INTERFACES_PER_HOST', () => {
    for (let i = 0; i <= MAX_INTERFACES_PER_HOST; i++) sut.record(report(i, `if${i}`, [sample(i)]));

    expect(sut.latest('a1', 1, 'if0')).toEqual([]);
    expect(sut.latest('a1', 1, 'if1').length).toBe(1);
    expect(sut.latest('a1', 100).length).toBe(MAX_INTERFACES_PER_HOST);
  });
});
