import type { StatsReport } from '@nta/contracts';
import { flow, report } from '../../testing/fixtures';
import { flowBytes, flowPackets, mergeFlows } from './flow-window';

describe('flow window', () => {
  const t0 = 1_700_000_000_000;

  function withFlows(seq: number, flows: StatsReport['flows'], other = { bytes: 0, packets: 0 }) {
    return { ...report(seq, t0 + seq * 1000), flows, flowsOther: other };
  }

  it('merges the same five-tuple across reports, even when the sides come back flipped', () => {
    const sut = mergeFlows(
      [
        withFlows(1, [flow({ tcpFlags: 'S' })]),
        withFlows(2, [
          flow({
            a: '93.184.216.34',
            aPort: 443,
            b: '10.0.0.5',
            bPort: 40000,
            bytesAtoB: 5000,
            bytesBtoA: 50,
            firstSeen: t0 - 10,
            packetsAtoB: 4,
            packetsBtoA: 1,
            tcpFlags: 'FA',
          }),
        ]),
      ],
      10,
    );

    expect(sut.rows.length).toBe(1);
    expect(sut.rows[0]).toEqual(
      jasmine.objectContaining({
        a: '10.0.0.5',
        bytesAtoB: 150,
        bytesBtoA: 6000,
        firstSeen: t0 - 10,
        packetsAtoB: 2,
        packetsBtoA: 6,
        tcpFlags: 'FSA',
      }),
    );
  });

  it('keeps the busiest flows and puts the rest, with the agent\'s flowsOther, in "others"', () => {
    const flows = Array.from({ length: 30 }, (_, i) =>
      flow({ aPort: 1000 + i, bytesAtoB: i * 10, bytesBtoA: 0, packetsAtoB: 1, packetsBtoA: 0 }),
    );
    const reports = [
      withFlows(1, flows.slice(0, 15), { bytes: 7777, packets: 7 }),
      withFlows(2, flows.slice(15), { bytes: 3, packets: 1 }),
    ];
    const sut = mergeFlows(reports, 5);

    expect(sut.rows.map((r) => r.aPort)).toEqual([1029, 1028, 1027, 1026, 1025]);
    const all = flows.reduce((sum, f) => sum + flowBytes(f), 0) + 7777 + 3;
    expect(sut.total).toEqual({ bytes: all, packets: 30 + 8 });
    const shown = sut.rows.reduce((sum, r) => sum + flowBytes(r), 0);
    expect(shown + sut.others.bytes).toBe(sut.total.bytes);
    expect(sut.rows.reduce((sum, r) => sum + flowPackets(r), 0) + sut.others.packets).toBe(38);
  });

  it('shows tunnel inner flows without counting their packets twice', () => {
    const outer = flow({ application: 'vxlan', aPort: 4789, bPort: 4789, transport: 'udp' });
    const inner = flow({ a: '192.168.1.1', b: '192.168.1.2', tunnel: 'vxlan' });
    const sut = mergeFlows([withFlows(1, [outer, inner], { bytes: 10, packets: 1 })], 10);

    expect(sut.rows.length).toBe(2);
    expect(sut.rows.some((r) => r.tunnel === 'vxlan')).toBeTrue();
    expect(sut.total).toEqual({ bytes: flowBytes(outer) + 10, packets: flowPackets(outer) + 1 });
    expect(sut.others).toEqual({ bytes: 10, packets: 1 });
  });

  it('keeps an identified application over a later "unknown"', () => {
    const sut = mergeFlows(
      [
        withFlows(1, [flow({ application: 'ssh' })]),
        withFlows(2, [flow({ application: 'unknown' })]),
      ],
      10,
    );
    expect(sut.rows[0].application).toBe('ssh');
  });
});
