// Linux-only reads of /proc and /sys; other platforms get nulls and fall back to os data.
import { readFileSync, readdirSync } from 'node:fs';

const IFF_UP = 0x1;
const IFF_LOOPBACK = 0x8;

export interface SysNetInfo {
  loopback: boolean;
  mac: string | null;
  mtu: number | null;
  operstate: string | null;
  up: boolean;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The interface of the default IPv4 route (destination 00000000, lowest metric). */
export function parseDefaultRoute(procNetRoute: string): string | null {
  let best: { iface: string; metric: number } | null = null;
  for (const line of procNetRoute.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8 || cols[1] !== '00000000' || cols[7] !== '00000000') continue;
    const flags = parseInt(cols[3], 16);
    const metric = parseInt(cols[6], 10);
    if ((flags & IFF_UP) === 0) continue;
    if (!best || metric < best.metric) best = { iface: cols[0], metric };
  }
  return best?.iface ?? null;
}

export function readDefaultRouteInterface(): string | null {
  const table = readText('/proc/net/route');
  return table === null ? null : parseDefaultRoute(table);
}

export function readSysNet(name: string): SysNetInfo | null {
  const base = `/sys/class/net/${name}`;
  const flagsText = readText(`${base}/flags`);
  if (flagsText === null) return null;
  const flags = parseInt(flagsText, 16);
  const mtu = Number(readText(`${base}/mtu`));
  return {
    loopback: (flags & IFF_LOOPBACK) !== 0,
    mac: readText(`${base}/address`),
    mtu: Number.isInteger(mtu) && mtu >= 0 ? mtu : null,
    operstate: readText(`${base}/operstate`),
    up: (flags & IFF_UP) !== 0,
  };
}

export function listSysNetNames(): string[] {
  try {
    return readdirSync('/sys/class/net').sort();
  } catch {
    return [];
  }
}

const CAP_NET_ADMIN = 12;
const CAP_NET_RAW = 13;

/** Which of the two capture capabilities this process lacks (null when unknown). */
export function missingCaptureCapabilities(): string[] | null {
  const status = readText('/proc/self/status');
  const hex = status && /^CapEff:\s*([0-9a-f]+)$/m.exec(status)?.[1];
  if (!hex) return null;
  const eff = BigInt(`0x${hex}`);
  const missing: string[] = [];
  if ((eff & (1n << BigInt(CAP_NET_RAW))) === 0n) missing.push('CAP_NET_RAW');
  if ((eff & (1n << BigInt(CAP_NET_ADMIN))) === 0n) missing.push('CAP_NET_ADMIN');
  return missing;
}
