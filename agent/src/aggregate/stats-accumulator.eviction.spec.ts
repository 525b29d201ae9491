import { statsReportSchema, validate } from '@nta/contracts';
import type { NetworkInterfaceInfo } from 'node:os';
import { HostAddresses } from './host-addresses';
import { StatsAccumulator } from './stats-accumulator';
import { packet } from './testdata/packets';

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
});
