import type { Counters, FlowRow } from '@nta/contracts';
import fc from 'fast-check';
import { FlowMerger, unionTcpFlags } from './flow-merger';

function flow(fields: Partial<FlowRow> = {}): FlowRow {
  return {
    a: '10.0.0.2',
    aPort: 50000,
    application: 'tls',
    b: '10.0.0.9',
    bPort: 443,
    bytesAtoB: 100,
    bytesBtoA: 200,
    firstSeen: 1000,
    lastSeen: 1500,
    packetsAtoB: 1,
    packetsBtoA: 2,
    tcpFlags: 'A',
    transport: 'tcp',
    tunnel: null,
    ...fields,
  };
}

const bytes = (f: FlowRow) => f.bytesAtoB + f.bytesBtoA;

describe(FlowMerger.name, () => {
  let sut: FlowMerger;

  beforeEach(() => {
    sut = new FlowMerger();
  });

  it('sums each direction of the same flow across seconds', () => {
    sut.add(flow({ firstSeen: 1000, lastSeen: 1900, tcpFlags: 'SA' }));
    sut.add(flow({ bytesBtoA: 50, firstSeen: 2000, lastSeen: 2400, tcpFlags: 'PA' }));
    sut.add(flow({ bytesAtoB: 0, firstSeen: 900, lastSeen: 950, tcpFlags: 'F' }));

    expect(sut.top(10).flows).toEqual([
      flow({
        bytesAtoB: 200,
        bytesBtoA: 450,
        firstSeen: 900,
        lastSeen: 2400,
        packetsAtoB: 3,
        packetsBtoA: 6,
        tcpFlags: 'FSPA',
      }),
    ]);
  });

  it('keeps flows apart that differ in a port, side order or tunnel', () => {
    sut.add(flow());
    sut.add(flow({ aPort: 50001 }));
    sut.add(flow({ a: '10.0.0.9', aPort: 443, b: '10.0.0.2', bPort: 50000 }));
    sut.add(flow({ tunnel: 'vxlan' }));
    sut.add(flow({ aPort: null, bPort: null, transport: 'icmp' }));

    expect(sut.top(10).flows.length).toBe(5);
  });

  it('labels a flow with its best-supported application, never unknown over a known one', () => {
    sut.add(flow({ application: 'unknown', bytesAtoB: 5000 }));
    sut.add(flow({ application: 'http', bytesAtoB: 10 }));
    sut.add(flow({ application: 'tls', bytesAtoB: 20 }));
    sut.add(flow({ aPort: 1, application: 'unknown' }));

    expect(sut.top(10).flows.map((f) => f.application)).toEqual(['tls', 'unknown']);
  });

  it('sorts by bytes and puts the flows cut by the limit into others', () => {
    sut.add(flow({ aPort: 1, bytesAtoB: 10, bytesBtoA: 0, packetsAtoB: 1, packetsBtoA: 0 }));
    sut.add(flow({ aPort: 2, bytesAtoB: 30, bytesBtoA: 0, packetsAtoB: 2, packetsBtoA: 0 }));
    sut.add(flow({ aPort: 3, bytesAtoB: 20, bytesBtoA: 0, packetsAtoB: 4, packetsBtoA: 0 }));
    sut.addOther({ bytes: 1000, packets: 8 });

    const top = sut.top(2);

    expect(top.flows.map((f) => f.aPort)).toEqual([2, 3]);
    expect(top.omitted).toBe(1);
    expect(top.others).toEqual({ bytes: 1010, packets: 9 });
    expect(top.totals).toEqual({ bytes: 1060, packets: 15 });
  });

  it('does not count tunnel-inner flows again in others or totals', () => {
    sut.add(flow({ aPort: 4789, bytesAtoB: 500, bytesBtoA: 0, packetsAtoB: 5, packetsBtoA: 0 }));
    sut.add(
      flow({ bytesAtoB: 400, bytesBtoA: 0, packetsAtoB: 5, packetsBtoA: 0, tunnel: 'vxlan' }),
    );

    const top = sut.top(1);

    expect(top.flows.map((f) => f.tunnel)).toEqual([null]);
    expect(top.omitted).toBe(1);
    expect(top.others).toEqual({ bytes: 0, packets: 0 });
    expect(top.totals).toEqual({ bytes: 500, packets: 5 });
  });

  it('keeps outer rows + others equal to everything reported, whatever the limit', () => {
    const row = fc.record({
      aPort: fc.integer({ max: 5, min: 1 }),
      bytesAtoB: fc.nat(10_000),
      bytesBtoA: fc.nat(10_000),
      packetsAtoB: fc.nat(100),
      packetsBtoA: fc.nat(100),
      tunnel: fc.constantFrom(null, null, 'gre' as const),
    });
    const second = fc.record({
      flows: fc.array(row, { maxLength: 6 }),
      other: fc.record({ bytes: fc.nat(10_000), packets: fc.nat(100) }),
    });
    fc.assert(
      fc.property(
        fc.array(second, { maxLength: 8 }),
        fc.integer({ max: 12, min: 1 }),
        (seconds, limit) => {
          const merger = new FlowMerger();
          const expected: Counters = { bytes: 0, packets: 0 };
          for (const s of seconds) {
            merger.addOther(s.other);
            expected.bytes += s.other.bytes;
            expected.packets += s.other.packets;
            for (const r of s.flows) {
              merger.add(flow(r));
              if (r.tunnel !== null) continue;
              expected.bytes += r.bytesAtoB + r.bytesBtoA;
              expected.packets += r.packetsAtoB + r.packetsBtoA;
            }
          }

          const top = merger.top(limit);
          const outer = top.flows.filter((f) => f.tunnel === null);
          const listed = outer.reduce((n, f) => n + bytes(f), 0);

          expect(top.totals).toEqual(expected);
          expect(listed + top.others.bytes).toBe(expected.bytes);
          expect(top.flows.length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});

describe(unionTcpFlags.name, () => {
  it('keeps each flag once in FSRPAUEC order', () => {
    expect(unionTcpFlags(['AP', 'SA', '', 'F'])).toBe('FSPA');
    expect(unionTcpFlags([])).toBe('');
  });
});
