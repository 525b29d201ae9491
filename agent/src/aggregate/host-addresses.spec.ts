import type { NetworkInterfaceInfo } from 'node:os';
import { SIDE_LOCAL, SIDE_OWN } from './flow-table';
import { HostAddresses } from './host-addresses';
import { parseAddress } from './ip-address';

describe(HostAddresses.name, () => {
  const addr = (address: string, cidr: string): NetworkInterfaceInfo =>
    ({ address, cidr, family: address.includes(':') ? 'IPv6' : 'IPv4' }) as NetworkInterfaceInfo;
  let list: Record<string, NetworkInterfaceInfo[]>;
  let sut: HostAddresses;
  const side = (s: string) => {
    const p = parseAddress(s)!;
    return sut.sideOf(p.words, p.version);
  };

  beforeEach(() => {
    list = {
      eth0: [addr('192.168.1.20', '192.168.1.20/24'), addr('2001:db8::20', '2001:db8::20/64')],
    };
    sut = new HostAddresses(() => list);
  });

  it('knows its own addresses, loopback, the on-link subnets and the rest', () => {
    expect(side('192.168.1.20')).toBe(SIDE_OWN | SIDE_LOCAL);
    expect(side('127.0.0.53')).toBe(SIDE_OWN | SIDE_LOCAL);
    expect(side('::1')).toBe(SIDE_OWN | SIDE_LOCAL);
    expect(side('2001:db8::20')).toBe(SIDE_OWN | SIDE_LOCAL);
    expect(side('192.168.1.1')).toBe(SIDE_LOCAL);
    expect(side('2001:db8::99')).toBe(SIDE_LOCAL);
    expect(side('fe80::1')).toBe(SIDE_LOCAL);
    expect(side('8.8.8.8')).toBe(0);
    expect(side('2001:db9::1')).toBe(0);
  });

  it('notices a new address on refresh', () => {
    expect(sut.refresh()).toBeFalse();
    list.eth1 = [addr('10.9.0.2', '10.9.0.2/16')];

    expect(sut.refresh()).toBeTrue();
    expect(side('10.9.0.2')).toBe(SIDE_OWN | SIDE_LOCAL);
    expect(side('10.9.200.1')).toBe(SIDE_LOCAL);
  });
});
