import { emptyStatsReport, type FlowRow, type StatsReport } from '@nta/contracts';
import { MinuteRollup, minuteKey } from './minute-rollup';

const T0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);

function report(seq: number, start: number, flows: Partial<FlowRow>[] = [], agentId = 'a1') {
  const r: StatsReport = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: start + 1000,
    intervalStart: start,
    seq,
  });
  r.flows = flows.map((f) => ({
    a: '10.0.0.2',
    aPort: 1000,
    application: 'http',
    b: '192.0.2.1',
    bPort: 80,
    bytesAtoB: 100,
    bytesBtoA: 0,
    firstSeen: start,
    lastSeen: start + 500,
    packetsAtoB: 1,
    packetsBtoA: 0,
    tcpFlags: '',
    transport: 'tcp',
    tunnel: null,
    ...f,
  }));
  r.totals = { bytes: 100 * r.flows.length, packets: r.flows.length };
  return r;
}

describe(MinuteRollup.name, () => {
  it('sums the reports of one agent, interface and minute into one row', () => {
    const sut = new MinuteRollup();
    sut.add(report(1, T0, [{ tcpFlags: 'A' }]));
    sut.add(report(2, T0 + 1000, [{ firstSeen: T0 - 5, tcpFlags: 'PS' }]));
    sut.add(report(3, T0 + 60_000, [{}]));

    const rows = sut.take(T0, T0 + 60_000, 10);

    expect([...rows.keys()]).toEqual([minuteKey('a1', 'eth0', T0)]);
    const row = rows.get(minuteKey('a1', 'eth0', T0));
    expect(row).toEqual(jasmine.objectContaining({ bytes: 200, packets: 2, reports: 2, seq: 2 }));
    expect(row?.flows).toEqual([
      jasmine.objectContaining({ bytesAtoB: 200, firstSeen: T0 - 5, tcpFlags: 'SPA' }),
    ]);
    expect(sut.size).withContext('the next minute stays').toBe(1);
  });

  it('keeps the top N flows by bytes and puts the rest, minus tunnel-inner flows, in others', () => {
    const sut = new MinuteRollup();
    sut.add(
      report(1, T0, [
        { b: '192.0.2.9', bytesAtoB: 50 },
        { b: '192.0.2.1', bytesAtoB: 50 },
        { b: '192.0.2.5', bytesAtoB: 900 },
        { b: '192.0.2.7', bytesAtoB: 10, tunnel: 'vxlan' },
        { b: '192.0.2.8', bytesAtoB: 20 },
      ]),
    );

    const [row] = sut.take(T0, T0 + 60_000, 2).values();

    // Equal bytes: the lower address first, as the SQL rollup orders them.
    expect(row.flows.map((f) => f.b)).toEqual(['192.0.2.5', '192.0.2.1']);
    expect(row.flowsOther).toEqual({ bytes: 70, packets: 2 });
  });

  it('ignores reports for minutes already handed over (the SQL late path rolls them)', () => {
    const sut = new MinuteRollup();
    sut.take(T0, T0 + 60_000, 10);

    sut.add(report(1, T0 + 59_000));

    expect(sut.size).toBe(0);
  });

  it('drops a minute that would pass the entry budget, and keeps ignoring it', () => {
    const sut = new MinuteRollup(3);
    sut.add(report(1, T0, [{ b: '192.0.2.1' }, { b: '192.0.2.2' }], 'small'));
    sut.add(report(1, T0, [{ b: '192.0.2.3' }, { b: '192.0.2.4' }], 'big'));
    sut.add(report(2, T0 + 1000, [], 'big'));

    const rows = sut.take(T0, T0 + 60_000, 10);

    expect([...rows.keys()]).toEqual([minuteKey('small', 'eth0', T0)]);
  });

  it('takes the name of the latest report that had one', () => {
    const sut = new MinuteRollup();
    const named = (seq: number, at: number, name: string | null) => {
      const r = report(seq, at);
      r.talkers.remote = [
        { address: '192.0.2.1', bytesIn: 1, bytesOut: 1, name, packetsIn: 1, packetsOut: 1 },
      ];
      return r;
    };
    sut.add(named(2, T0 + 2000, 'new.example'));
    sut.add(named(1, T0 + 1000, 'old.example'));
    sut.add(named(3, T0 + 3000, null));

    const [row] = sut.take(T0, T0 + 60_000, 10).values();

    expect(row.talkers.remote).toEqual([
      {
        address: '192.0.2.1',
        bytesIn: 3,
        bytesOut: 3,
        name: 'new.example',
        packetsIn: 3,
        packetsOut: 3,
      },
    ]);
  });
});
