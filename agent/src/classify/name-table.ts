/**
 * Address → host name, learned from DNS answers on the wire (and reverse DNS when enabled).
 * Bounded: the least recently learned name goes first. Names new or changed since the last
 * report are handed out once by takeFresh().
 */
export class NameTable {
  private readonly fresh = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.names.size;
  }

  learn(address: string, name: string): void {
    const clean = name.replace(/\.$/, '').slice(0, 255);
    if (clean === '' || this.names.get(address) === clean) return;
    this.names.delete(address);
    this.names.set(address, clean);
    if (this.names.size > this.capacity) {
      const oldest = this.names.keys().next().value as string;
      this.names.delete(oldest);
    }
    this.fresh.set(address, clean);
    if (this.fresh.size > this.capacity)
      this.fresh.delete(this.fresh.keys().next().value as string);
  }

  lookup(address: string): string | null {
    return this.names.get(address) ?? null;
  }

  /** Names learned since the previous call, at most `limit`. */
  takeFresh(limit: number): Record<string, string> {
    const out: Record<string, string> = {};
    let n = 0;
    for (const [address, name] of this.fresh) {
      if (n++ >= limit) break;
      out[address] = name;
      this.fresh.delete(address);
    }
    return out;
  }
}
