import { networkInterfaces } from 'node:os';
import { SIDE_LOCAL, SIDE_OWN } from './flow-table';
import { parseAddress } from './ip-address';

interface Prefix {
  bits: number;
  version: number;
  words: Uint32Array;
}

export type InterfaceLister = typeof networkInterfaces;

/**
 * The host's own addresses (direction in/out) and on-link subnets (local vs remote talkers),
 * from os.networkInterfaces(). sideOf() runs once per new flow: a linear scan of a few entries.
 */
export class HostAddresses {
  private own: Prefix[] = [];
  private subnets: Prefix[] = [];

  constructor(private readonly list: InterfaceLister = networkInterfaces) {
    this.refresh();
  }

  /** Re-reads the addresses; true when they changed. */
  refresh(): boolean {
    const own: Prefix[] = [];
    const subnets: Prefix[] = [];
    for (const addrs of Object.values(this.list())) {
      for (const a of addrs ?? []) {
        const parsed = parseAddress(a.address);
        if (!parsed) continue;
        own.push({ bits: parsed.version === 4 ? 32 : 128, ...parsed });
        const bits = Number(a.cidr?.split('/')[1] ?? NaN);
        if (Number.isInteger(bits)) subnets.push({ bits, ...parsed });
      }
    }
    const before = JSON.stringify([this.own, this.subnets]);
    this.own = own;
    this.subnets = subnets;
    return before !== JSON.stringify([own, subnets]);
  }

  sideOf = (words: Uint32Array, version: number): number => {
    if (version === 4 ? words[0] >>> 24 === 127 : isIpv6Loopback(words)) {
      return SIDE_OWN | SIDE_LOCAL;
    }
    for (const p of this.own) if (matches(p, words, version)) return SIDE_OWN | SIDE_LOCAL;
    for (const p of this.subnets) if (matches(p, words, version)) return SIDE_LOCAL;
    // Link-local (169.254/16, fe80::/10) never leaves the link.
    if (version === 4 ? words[0] >>> 16 === 0xa9fe : words[0] >>> 22 === 0x3fa) return SIDE_LOCAL;
    return 0;
  };
}

function isIpv6Loopback(w: Uint32Array): boolean {
  return w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 1;
}

function matches(p: Prefix, words: Uint32Array, version: number): boolean {
  if (p.version !== version) return false;
  let bits = p.bits;
  for (let i = 0; i < 4 && bits > 0; i++, bits -= 32) {
    const mask = bits >= 32 ? 0xffffffff : ~(0xffffffff >>> bits) >>> 0;
    if (((p.words[i] ^ words[i]) & mask) >>> 0 !== 0) return false;
  }
  return true;
}
