// Linux-only: the kernel's per-interface packet counters, to tell how much a capture saw.
import { readFileSync } from 'node:fs';

const IFF_LOOPBACK = 0x8;

export type ReadText = (path: string) => string | null;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * Packets /sys/class/net/<if>/statistics counted between two reads. A loopback packet is
 * counted in both tx and rx but captured once, so loopback uses rx alone. Null for `any`,
 * a missing interface or a platform without /sys.
 */
export class InterfaceCounters {
  private last: number | null;

  constructor(
    private readonly iface: string,
    private readonly read: ReadText = readText,
  ) {
    this.last = this.total();
  }

  /** Packets since the previous call (or construction); null when unknown. */
  delta(): number | null {
    const now = this.total();
    const previous = this.last;
    this.last = now;
    if (now === null || previous === null) return null;
    // Counters reset when a driver reloads; count from zero then.
    return now >= previous ? now - previous : now;
  }

  private total(): number | null {
    if (this.iface === 'any' || !/^[^/\s]{1,64}$/.test(this.iface)) return null;
    const base = `/sys/class/net/${this.iface}`;
    const rx = Number(this.read(`${base}/statistics/rx_packets`) ?? NaN);
    if (!Number.isFinite(rx)) return null;
    const flags = parseInt(this.read(`${base}/flags`) ?? '0', 16);
    if (flags & IFF_LOOPBACK) return rx;
    const tx = Number(this.read(`${base}/statistics/tx_packets`) ?? NaN);
    return Number.isFinite(tx) ? rx + tx : null;
  }
}
