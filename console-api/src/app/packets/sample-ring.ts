/** A fixed-size ring: pushing past capacity overwrites the oldest entry, memory stays bounded. */
export class SampleRing<T> {
  private readonly slots: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.slots[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Up to `limit` entries, the last pushed first. */
  newestFirst(limit = this.capacity): T[] {
    const out: T[] = [];
    for (let i = 1; i <= Math.min(limit, this.count); i++) {
      out.push(this.slots[(this.next - i + this.capacity) % this.capacity] as T);
    }
    return out;
  }
}
