import { TestBed } from '@angular/core/testing';
import type { StatsReport } from '@nta/contracts';
import { flow, report, talker } from '../../../testing/fixtures';
import { HostAnalysisStore } from './host-analysis.store';

describe(HostAnalysisStore.name, () => {
  const t0 = 1_700_000_000_000;
  let sut: HostAnalysisStore;

  function full(seq: number, end = t0 + seq * 1000): StatsReport {
    return {
      ...report(seq, end),
      applications: { dns: { bytes: 100, packets: 1 } },
      flows: [flow()],
      names: { [`192.0.2.${seq}`]: `host-${seq}.example` },
      samples: [
        { dst: 'b', info: `seq ${seq}`, length: 60, protocol: 'UDP', src: 'a', ts: end - 500 },
      ],
      talkers: {
        local: [],
        localOther: { bytes: 0, packets: 0 },
        remote: [talker(`192.0.2.${seq}`, { bytesIn: 10, packetsIn: 1 })],
        remoteOther: { bytes: 0, packets: 0 },
      },
    };
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [HostAnalysisStore] });
    sut = TestBed.inject(HostAnalysisStore);
  });

  it('accumulates the last minute of reports for every panel', () => {
    for (let seq = 1; seq <= 3; seq++) sut.add(full(seq));

    expect(sut.reportCount()).toBe(3);
    expect(sut.applications()).toEqual({ dns: { bytes: 300, packets: 3 } });
    expect(sut.transports()['tcp']).toEqual({ bytes: 3000, packets: 30 });
    expect(sut.flows().rows[0].bytesBtoA).toBe(3000);
    expect(sut.talkers().remote.rows.map((r) => r.name)).toEqual([
      'host-1.example',
      'host-2.example',
      'host-3.example',
    ]);
    expect(sut.packets().map((p) => p.info)).toEqual(['seq 3', 'seq 2', 'seq 1']);
    expect(sut.quality()?.captured).toBe(30);
  });

  it('slides: a report a minute newer pushes the old ones out, names stay learned', () => {
    sut.add(full(1));
    sut.add(full(2, t0 + 70_000));

    expect(sut.reportCount()).toBe(1);
    expect(sut.applications()).toEqual({ dns: { bytes: 100, packets: 1 } });
    expect(sut.names().get('192.0.2.1')).toBe('host-1.example');
    expect(sut.packets().length).toBe(2);
  });

  it('ignores a repeated report, packets included', () => {
    sut.add(full(1));
    sut.add(full(1));
    expect(sut.packets().length).toBe(1);
    expect(sut.packetsReceived()).toBe(1);
    expect(sut.reportCount()).toBe(1);
  });

  it('forgets everything on reset', () => {
    sut.add(full(1));
    sut.reset();
    expect(sut.reportCount()).toBe(0);
    expect(sut.packets()).toEqual([]);
    expect(sut.names().size).toBe(0);
    expect(sut.quality()).toBeNull();
  });

  it('seeds flows and talkers as one block: no second twice, gone a minute after its end', () => {
    sut.add(full(1));
    sut.seedTop('agent-1', t0 - 60_000, {
      flows: [flow()],
      flowsOther: { bytes: 900, packets: 9 },
      talkers: {
        local: [],
        localOther: { bytes: 0, packets: 0 },
        remote: [talker('192.0.2.77', { bytesIn: 5, packetsIn: 1 })],
        remoteOther: { bytes: 0, packets: 0 },
      },
      to: t0 + 1000 - 1,
    });
    // Report 1 is inside the block: its own flows no longer count.
    expect(sut.flows().total).toEqual({ bytes: 2000, packets: 12 });
    sut.add(full(2));
    expect(sut.flows().total).toEqual({ bytes: 3100, packets: 15 });
    expect(sut.talkers().remote.rows.map((r) => r.address)).toContain('192.0.2.77');

    sut.add(full(61));
    expect(sut.flows().total).toEqual({ bytes: 2200, packets: 6 });
    expect(sut.talkers().remote.rows.map((r) => r.address)).not.toContain('192.0.2.77');
  });

  it('puts stored packets behind live ones, without those of reports seen live', () => {
    sut.add(full(2));
    const stored = (seq: number) => ({
      dst: 'b',
      info: `stored ${seq}`,
      interface: 'eth0',
      length: 60,
      protocol: 'UDP',
      seq,
      src: 'a',
      ts: t0,
    });
    sut.seedPackets([stored(2), stored(1)]);
    expect(sut.packets().map((p) => p.info)).toEqual(['seq 2', 'stored 1']);
    expect(new Set(sut.packets().map((p) => p.id)).size).toBe(2);
  });

  it('keeps names learned live over the stored ones', () => {
    sut.add(full(3));
    sut.seedNames({ '192.0.2.3': 'old.example', '192.0.2.9': 'nine.example' });
    expect(sut.names().get('192.0.2.3')).toBe('host-3.example');
    expect(sut.names().get('192.0.2.9')).toBe('nine.example');
  });
});
