import { NameTable } from '../classify/name-table';
import { FlowTuple } from '../decode/frame-info';
import { C_BYTES_AB, C_PACKETS_AB, FLOW_STRIDE, FlowTable, SIDE_LOCAL } from './flow-table';
import { parseAddress } from './ip-address';
import { TalkerTable } from './talker-report';

describe(TalkerTable.name, () => {
  const own = parseAddress('10.0.0.5')!.words[0];
  const sideOf = (w: Uint32Array, v: number) => (v === 4 && w[0] === own ? SIDE_LOCAL : 0);
  const names = new NameTable(16);
  let flows: FlowTable;
  let sut: TalkerTable;

  // `count` flows from 10.0.0.5 to as many remote addresses; flow n carries n + 1 bytes.
  function addFlows(count: number, now: number): number {
    const t = new FlowTuple();
    t.ipVersion = 4;
    t.ipProto = 6;
    t.src.set(parseAddress('10.0.0.5')!.words);
    t.srcPort = 40_000;
    t.dstPort = 443;
    let bytes = 0;
    for (let n = 0; n < count; n++) {
      t.dst[0] = 0x09000000 + n;
      const e = flows.touch(t, 0, now);
      flows.counters[e * FLOW_STRIDE + C_PACKETS_AB] = 1;
      flows.counters[e * FLOW_STRIDE + C_BYTES_AB] = n + 1;
      bytes += n + 1;
    }
    return bytes;
  }

  beforeEach(() => {
    flows = new FlowTable({ capacity: 8192, idleMs: 60_000, inspections: 4, sideOf });
    sut = new TalkerTable(flows.capacity * 2);
  });

  it('sums every flow into its two talkers when there are more talkers than the first index holds', () => {
    const bytes = addFlows(3000, 1_000);

    const report = sut.report(flows, 5, names);

    expect(report.local).toEqual([
      jasmine.objectContaining({ address: '10.0.0.5', bytesOut: bytes, packetsOut: 3000 }),
    ]);
    expect(report.remote.map((r) => r.address)).toEqual([
      '9.0.11.183',
      '9.0.11.182',
      '9.0.11.181',
      '9.0.11.180',
      '9.0.11.179',
    ]);
    const shown = report.remote.reduce((sum, r) => sum + r.bytesIn, 0);
    expect(shown + report.remoteOther.bytes).toBe(bytes);
    expect(report.remoteOther.packets).toBe(2995);
  });

  it('reports a smaller interval correctly after a larger one', () => {
    addFlows(3000, 1_000);
    sut.report(flows, 5, names);
    flows.endInterval(100_000);

    const bytes = addFlows(10, 100_000);
    const report = sut.report(flows, 20, names);

    expect(report.remote.length).toBe(10);
    expect(report.remote.reduce((sum, r) => sum + r.bytesIn, 0)).toBe(bytes);
    expect(report.remoteOther).toEqual({ bytes: 0, packets: 0 });
  });
});
