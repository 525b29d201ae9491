import { promises as dns } from 'node:dns';
import type { NameTable } from './name-table';

export type ReverseLookup = (address: string) => Promise<string[]>;

export interface ReverseDnsOptions {
  cacheSize: number;
  lookup?: ReverseLookup;
  names: NameTable;
  // Lookups started per second at most, so a scan cannot flood the resolver.
  perSecond: number;
}

/**
 * Optional PTR lookups for addresses no DNS answer named. Off by default (it sends packets the
 * operator did not ask for). Every address is asked once: answers and failures are cached.
 */
export class ReverseDns {
  private readonly asked = new Set<string>();
  private budget: number;
  private windowStart = 0;

  constructor(private readonly opts: ReverseDnsOptions) {
    this.budget = opts.perSecond;
  }

  get pending(): number {
    return this.asked.size;
  }

  /** Starts lookups for unnamed addresses within this second's budget. */
  request(addresses: readonly string[], now = Date.now()): void {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.budget = this.opts.perSecond;
    }
    for (const address of addresses) {
      if (this.budget <= 0) return;
      if (this.asked.has(address) || this.opts.names.lookup(address) !== null) continue;
      if (this.asked.size >= this.opts.cacheSize) {
        this.asked.delete(this.asked.values().next().value as string);
      }
      this.asked.add(address);
      this.budget--;
      (this.opts.lookup ?? dns.reverse)(address).then(
        (names) => {
          if (names[0]) this.opts.names.learn(address, names[0]);
        },
        // No PTR record (or no resolver): remembered as asked, not retried.
        () => undefined,
      );
    }
  }
}
