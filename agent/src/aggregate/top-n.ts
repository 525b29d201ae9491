/** Keeps the ids with the N largest scores (a min-heap); runs once per report, not per packet. */
export class TopN {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly n: number) {
    this.ids = new Int32Array(Math.max(1, n));
    this.scores = new Float64Array(Math.max(1, n));
  }

  /** Offers an id; returns the id pushed out (or `id` itself when it did not make it), else -1. */
  offer(id: number, score: number): number {
    if (this.n === 0) return id;
    if (this.size < this.n) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent] <= score) break;
        this.ids[i] = this.ids[parent];
        this.scores[i] = this.scores[parent];
        i = parent;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return -1;
    }
    if (score <= this.scores[0]) return id;
    const out = this.ids[0];
    this.siftDown(id, score);
    return out;
  }

  /** The kept ids, largest score first; empties the heap. */
  drain(): number[] {
    const out: { id: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i], score: this.scores[i] });
    this.size = 0;
    return out.sort((x, y) => y.score - x.score || x.id - y.id).map((x) => x.id);
  }

  private siftDown(id: number, score: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.scores[r] < this.scores[l] ? r : l;
      if (this.scores[c] >= score) break;
      this.ids[i] = this.ids[c];
      this.scores[i] = this.scores[c];
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }
}
