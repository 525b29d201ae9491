import type { InterfaceAddress, InterfaceInfo } from '@nta/contracts';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { type CapDevice, capDeviceList } from './cap-binding';
import {
  listSysNetNames,
  readDefaultRouteInterface,
  readSysNet,
  type SysNetInfo,
} from './linux-net';

export interface InterfaceSources {
  defaultInterface: string | null;
  devices: CapDevice[];
  os: NodeJS.Dict<NetworkInterfaceInfo[]>;
  sys: (name: string) => SysNetInfo | null;
}

const ANY_DEVICE = 'any';
const NO_MAC = '00:00:00:00:00:00';

/** The default-route interface, else the first non-loopback interface that is up. */
export function chooseDefaultInterface(): string | null {
  const viaRoute = readDefaultRouteInterface();
  if (viaRoute) return viaRoute;
  return (
    listSysNetNames().find((name) => {
      const sys = readSysNet(name);
      return sys !== null && sys.up && !sys.loopback;
    }) ?? null
  );
}

export function listInterfaces(): InterfaceInfo[] {
  return buildInterfaceList({
    defaultInterface: chooseDefaultInterface(),
    devices: capDeviceList(),
    os: networkInterfaces(),
    sys: readSysNet,
  });
}

/**
 * libpcap's devices that are network interfaces (plus `any`), enriched with addresses from
 * the OS and state from /sys. nflog, dbus and similar capture sources are left out.
 */
export function buildInterfaceList(src: InterfaceSources): InterfaceInfo[] {
  const list: InterfaceInfo[] = [];
  for (const device of src.devices) {
    const sys = src.sys(device.name);
    if (!sys && device.name !== ANY_DEVICE) continue;
    const osAddrs = src.os[device.name] ?? [];
    const mac = osAddrs.find((a) => a.mac)?.mac ?? sys?.mac ?? null;
    list.push({
      addresses: osAddrs.length > 0 ? osAddrs.map(fromOs) : device.addresses.flatMap(fromCap),
      description: device.description ?? null,
      isDefault: device.name === src.defaultInterface,
      mac: mac === NO_MAC ? null : mac,
      mtu: sys?.mtu ?? null,
      name: device.name,
      // operstate 'unknown' is normal for loopback and tun devices that are up.
      up: sys ? sys.up && sys.operstate !== 'down' : true,
    });
  }
  return list;
}

function fromOs(a: NetworkInterfaceInfo): InterfaceAddress {
  return { address: a.address, family: a.family, netmask: a.netmask || null };
}

function fromCap(a: { addr?: string; netmask?: string }): InterfaceAddress[] {
  if (!a.addr) return [];
  const family = a.addr.includes(':')
    ? 'IPv6'
    : /^\d+\.\d+\.\d+\.\d+$/.test(a.addr)
      ? 'IPv4'
      : 'other';
  return [{ address: a.addr, family, netmask: a.netmask ?? null }];
}
