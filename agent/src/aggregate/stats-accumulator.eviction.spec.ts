import { statsReportSchema, validate } from '@nta/contracts';
import type { NetworkInterfaceInfo } from 'node:os';
import { HostAddresses } from './host-addresses';
import { parseAddress } from './ip-address';
import { StatsAccumulator } from './stats-accumulator';
import { packet, TCP_SYN } from './testdata/packets';

const ME = '10.0.0.5';

describe(`${StatsAccumulator.name} on a scan`, () => {
  const hosts = () =>
    new HostAddresses(() => ({
      eth0: [{ address: ME, cidr: `${ME}/24`, family: 'IPv4' } as NetworkInterfaceInfo],
    }));
  const flush = (sut: StatsAccumulator, seq: number) => {
    const r = sut.flush({ agentId: 'host-1', interface: 'eth0', intervalEnd: 1_000 + seq, seq });
    expect(validate(statsReportSchema, r, 'report').ok).toBeTrue();
    return r;
  };

  it('reports how many flows it tracks and how many the scan made it evict', () => {
    const sut = new StatsAccumulator(1_000, { flowCapacity: 64, hosts: hosts() });
    for (let i = 0; i < 1000; i++) {
      const p = packet({ dst: '203.0.113.9', dstPort: 1024 + i, src: ME });
      sut.add(p.info, p.buf, 100, 1, 1_000);
    }

    const r = flush(sut, 1);

    expect(r.quality.flowsActive).toBeLessThanOrEqual(64);
    expect(r.quality.flowsActive).toBeGreaterThan(0);
    expect(r.quality.flowsEvicted).toBeGreaterThanOrEqual(1000 - 64);
    expect(flush(sut, 2).quality.flowsEvicted).toBe(0);
  });

  it('holds its memory and its sums under a scan of 100k distinct flows', () => {
    const sut = new StatsAccumulator(1_000, { flowCapacity: 4096, hosts: hosts(), topFlows: 50 });
    const base = parseAddress('100.64.0.0')!.words[0];
    const p = packet({
      dst: '100.64.0.0',
      dstPort: 1,
      proto: 'tcp',
      src: ME,
      srcPort: 40000,
      flags: TCP_SYN,
    });
    for (let i = 0; i < 100_000; i++) {
      p.info.outer.dst[0] = base + (i >> 4);
      p.info.outer.dstPort = 1 + (i & 0xffff);
      sut.add(p.info, p.buf, 60 + (i % 7), 1, 1_000);
    }

    const r = flush(sut, 1);
    const s = r.flows
      .filter((f) => f.tunnel === null)
      .reduce(
        (n, f) => ({
          bytes: n.bytes + f.bytesAtoB + f.bytesBtoA,
          packets: n.packets + f.packetsAtoB + f.packetsBtoA,
        }),
        { bytes: 0, packets: 0 },
      );

    expect(sut.flows.count).toBeLessThanOrEqual(4096);
    expect(r.flows.length).toBe(50);
    expect(r.totals.packets).toBe(100_000);
    expect(s.packets + r.flowsOther.packets).toBe(100_000);
    expect(s.bytes + r.flowsOther.bytes).toBe(r.totals.bytes);
    const t = r.talkers;
    const talkerPackets = [...t.local, ...t.remote].reduce(
      (n, x) => n + x.packetsIn + x.packetsOut,
      0,
    );
    expect(talkerPackets + t.localOther.packets + t.remoteOther.packets).toBe(200_000);
  });
});
