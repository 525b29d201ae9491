import type { PacketSample } from '@nta/contracts';

/**
 * A bounded, evenly spread sample of one interval's packets. Packets named by their payload
 * (DNS query, TLS SNI, HTTP request) get up to half the slots of their own, so a busy second
 * still shows them. Decimation keeps every 2^k-th packet: deterministic and even in time.
 */
export class PacketSampler {
  private even: PacketSample[] = [];
  private readonly notable: PacketSample[] = [];
  private seen = 0;
  private stride = 1;

  constructor(private readonly capacity: number) {}

  /** Whether the next packet should be described; call take() with it when true. */
  wants(notable: boolean): boolean {
    if (this.capacity === 0) return false;
    if (notable && this.notable.length < this.capacity >> 1) return true;
    // stride is a power of two: a mask, not a division, on this per-packet path.
    return (this.seen++ & (this.stride - 1)) === 0;
  }

  take(sample: PacketSample, notable: boolean): void {
    if (notable && this.notable.length < this.capacity >> 1) {
      this.notable.push(sample);
      return;
    }
    if (this.even.length === this.capacity) {
      this.even = this.even.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
      // The packet that triggered the halving is kept only if it falls on the new stride.
      if ((this.seen - 1) % this.stride !== 0) return;
    }
    this.even.push(sample);
  }

  /** The interval's samples in time order; starts the next interval. */
  flush(): PacketSample[] {
    const room = this.capacity - this.notable.length;
    const step = this.even.length > room ? this.even.length / room : 1;
    const picked: PacketSample[] = [...this.notable];
    for (let i = 0; i < room && Math.floor(i * step) < this.even.length; i++) {
      picked.push(this.even[Math.floor(i * step)]);
    }
    this.even = [];
    this.notable.length = 0;
    this.seen = 0;
    this.stride = 1;
    return picked.sort((x, y) => x.ts - y.ts);
  }
}
