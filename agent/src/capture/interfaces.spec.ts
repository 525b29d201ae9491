import { interfaceInfoSchema, validate } from '@nta/contracts';
import { buildInterfaceList, type InterfaceSources } from './interfaces';
import type { SysNetInfo } from './linux-net';

describe(buildInterfaceList.name, () => {
  const sys: Record<string, SysNetInfo> = {
    eth0: { loopback: false, mac: '02:00:00:00:00:01', mtu: 1500, operstate: 'up', up: true },
    ifb0: { loopback: false, mac: '52:00:00:00:00:02', mtu: 1500, operstate: 'down', up: false },
    lo: { loopback: true, mac: '00:00:00:00:00:00', mtu: 65536, operstate: 'unknown', up: true },
  };
  const sources: InterfaceSources = {
    defaultInterface: 'eth0',
    devices: [
      { addresses: [{ addr: '192.0.2.2', netmask: '255.255.255.0' }], name: 'eth0' },
      { addresses: [], description: 'Pseudo-device that captures on all interfaces', name: 'any' },
      {
        addresses: [{ addr: '127.0.0.1', netmask: '255.0.0.0' }],
        flags: 'PCAP_IF_LOOPBACK',
        name: 'lo',
      },
      { addresses: [], name: 'ifb0' },
      { addresses: [], description: 'Linux netfilter log (NFLOG) interface', name: 'nflog' },
    ],
    os: {
      eth0: [
        {
          address: '192.0.2.2',
          cidr: '192.0.2.2/24',
          family: 'IPv4',
          internal: false,
          mac: '02:00:00:00:00:01',
          netmask: '255.255.255.0',
        },
      ],
    },
    sys: (name) => sys[name] ?? null,
  };

  it('keeps network interfaces and any, drops other capture sources', () => {
    const sut = buildInterfaceList(sources);

    expect(sut.map((i) => i.name)).toEqual(['eth0', 'any', 'lo', 'ifb0']);
  });

  it('merges OS addresses, /sys state and the default flag into valid InterfaceInfo', () => {
    const [eth0, any, lo, ifb0] = buildInterfaceList(sources);

    expect(eth0).toEqual({
      addresses: [{ address: '192.0.2.2', family: 'IPv4', netmask: '255.255.255.0' }],
      description: null,
      isDefault: true,
      mac: '02:00:00:00:00:01',
      mtu: 1500,
      name: 'eth0',
      up: true,
    });
    expect(lo.addresses).toEqual([{ address: '127.0.0.1', family: 'IPv4', netmask: '255.0.0.0' }]);
    expect(lo.mac).toBeNull();
    expect(lo.up).toBeTrue();
    expect(ifb0.up).toBeFalse();
    expect(any.up).toBeTrue();
    for (const info of [eth0, any, lo, ifb0]) {
      expect(validate(interfaceInfoSchema, info, info.name).ok).toBeTrue();
    }
  });
});
