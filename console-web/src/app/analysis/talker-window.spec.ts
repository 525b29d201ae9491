import type { Counters, TalkerRow } from '@nta/contracts';
import { report, talker } from '../../testing/fixtures';
import { mergeTalkers, talkerBytes } from './talker-window';

describe('talker window', () => {
  const t0 = 1_700_000_000_000;
  const zero: Counters = { bytes: 0, packets: 0 };

  function withTalkers(
    seq: number,
    local: TalkerRow[],
    remote: TalkerRow[],
    remoteOther: Counters = zero,
  ) {
    const base = report(seq, t0 + seq * 1000);
    return { ...base, talkers: { local, localOther: zero, remote, remoteOther } };
  }

  it('sums each address over the window and names it from DNS when the row has no name', () => {
    const names = new Map([['1.1.1.1', 'one.one.one.one']]);
    const sut = mergeTalkers(
      [
        withTalkers(
          1,
          [talker('10.0.0.5', { bytesOut: 100, packetsOut: 1 })],
          [talker('1.1.1.1', { bytesIn: 100, packetsIn: 1 })],
        ),
        withTalkers(
          2,
          [talker('10.0.0.5', { bytesIn: 40, packetsIn: 2 })],
          [
            talker('8.8.8.8', { bytesIn: 500, name: 'dns.google', packetsIn: 1 }),
            talker('1.1.1.1', { bytesIn: 60, packetsIn: 1 }),
          ],
        ),
      ],
      names,
      10,
    );

    expect(sut.local.rows).toEqual([
      talker('10.0.0.5', { bytesIn: 40, bytesOut: 100, packetsIn: 2, packetsOut: 1 }),
    ]);
    expect(sut.remote.rows.map((r) => [r.address, r.name, talkerBytes(r)])).toEqual([
      ['8.8.8.8', 'dns.google', 500],
      ['1.1.1.1', 'one.one.one.one', 160],
    ]);
  });

  it('folds the rest into "others" so the rows and others add up to the total', () => {
    const remote = Array.from({ length: 20 }, (_, i) =>
      talker(`203.0.113.${i}`, { bytesIn: i + 1, bytesOut: 1, packetsIn: 1, packetsOut: 1 }),
    );
    const sut = mergeTalkers(
      [withTalkers(1, [], remote, { bytes: 1000, packets: 10 })],
      new Map(),
      3,
    );

    expect(sut.remote.rows.map((r) => r.address)).toEqual([
      '203.0.113.19',
      '203.0.113.18',
      '203.0.113.17',
    ]);
    expect(sut.remote.total).toEqual({ bytes: 210 + 20 + 1000, packets: 40 + 10 });
    const shown = sut.remote.rows.reduce((sum, r) => sum + talkerBytes(r), 0);
    expect(shown + sut.remote.others.bytes).toBe(sut.remote.total.bytes);
    expect(6 + sut.remote.others.packets).toBe(sut.remote.total.packets);
    expect(sut.local).toEqual({ others: zero, rows: [], total: zero });
  });
});
