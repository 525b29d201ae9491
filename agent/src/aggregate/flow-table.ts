// Hot path: touch() runs once per IP packet. Flows live in typed arrays (struct of arrays)
// indexed by an open-addressing hash of the address words and ports: no object, string or
// closure per packet or per flow. Bulk eviction keeps memory fixed on a scan.
import type { FlowTuple } from '../decode/frame-info';

// Endpoint bits in `sides` (a in bits 0-1, b in bits 2-3).
export const SIDE_OWN = 1;
export const SIDE_LOCAL = 2;

const KEY_WORDS = 12;

export type SideOf = (words: Uint32Array, version: number) => number;

export interface FlowTableOptions {
  capacity: number;
  idleMs: number;
  // Payload inspections per flow before the port guess is final.
  inspections: number;
  sideOf: SideOf;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function endpointHash(w: Uint32Array, port: number): number {
  return (
    (Math.imul(w[0], 0x9e3779b1) +
      Math.imul(w[1], 0x85ebca77) +
      Math.imul(w[2], 0xc2b2ae3d) +
      Math.imul(w[3], 0x27d4eb2f) +
      Math.imul(port + 1, 0x165667b1)) |
    0
  );
}

export class FlowTable {
  readonly addrA: Uint32Array;
  readonly addrB: Uint32Array;
  readonly app: Uint8Array;
  readonly bytesAB: Float64Array;
  readonly bytesBA: Float64Array;
  readonly capacity: number;
  readonly checks: Uint8Array;
  count = 0;
  // Set by touch(): whether the packet went a → b, and whether its flow is new.
  created = false;
  // Flows evicted this interval and the traffic they had in it (kept in the "others" buckets).
  evictions = 0;
  readonly evictedOther = { bytes: 0, packets: 0 };
  readonly evictedTalkers = { local: { bytes: 0, packets: 0 }, remote: { bytes: 0, packets: 0 } };
  readonly firstSeen: Float64Array;
  readonly flags: Uint8Array;
  forward = true;
  readonly lastSeen: Float64Array;
  readonly live: Uint8Array;
  readonly packetsAB: Float64Array;
  readonly packetsBA: Float64Array;
  readonly portA: Int32Array;
  readonly portB: Int32Array;
  readonly proto: Int16Array;
  readonly sides: Uint8Array;
  readonly tunnel: Uint8Array;
  readonly version: Uint8Array;
  private readonly free: Int32Array;
  private freeTop: number;
  private readonly index: Int32Array;
  // Lookup keys packed per flow (hash, protocol+tunnel, ports, addresses): one cache line.
  private readonly keys: Uint32Array;
  private readonly mask: number;
  private readonly scratch: Float64Array;

  constructor(private readonly opts: FlowTableOptions) {
    const n = opts.capacity;
    this.capacity = n;
    this.addrA = new Uint32Array(n * 4);
    this.addrB = new Uint32Array(n * 4);
    this.app = new Uint8Array(n);
    this.bytesAB = new Float64Array(n);
    this.bytesBA = new Float64Array(n);
    this.checks = new Uint8Array(n);
    this.firstSeen = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.lastSeen = new Float64Array(n);
    this.live = new Uint8Array(n);
    this.packetsAB = new Float64Array(n);
    this.packetsBA = new Float64Array(n);
    this.portA = new Int32Array(n);
    this.portB = new Int32Array(n);
    this.proto = new Int16Array(n);
    this.sides = new Uint8Array(n);
    this.tunnel = new Uint8Array(n);
    this.version = new Uint8Array(n);
    this.keys = new Uint32Array(n * KEY_WORDS);
    this.scratch = new Float64Array(n);
    let size = 2;
    while (size < n * 2) size *= 2;
    this.index = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.free = new Int32Array(n);
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeTop = n;
  }

  /** The flow of this tuple (created when new); sets `forward` and `created`. */
  touch(t: FlowTuple, tunnelKind: number, now: number): number {
    const s = t.src;
    const d = t.dst;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2];
    const s3 = s[3];
    const d0 = d[0];
    const d1 = d[1];
    const d2 = d[2];
    const d3 = d[3];
    // Ports and protocol are stored +1 so "none" (-1) fits the unsigned key words.
    const sp = t.srcPort + 1;
    const dp = t.dstPort + 1;
    const meta = (t.ipProto + 1) | (tunnelKind << 16);
    const h = mix((endpointHash(s, sp) + endpointHash(d, dp)) ^ meta);
    const mask = this.mask;
    const index = this.index;
    const keys = this.keys;
    let slot = h & mask;
    for (;;) {
      const e = index[slot];
      if (e < 0) break;
      const k = e * KEY_WORDS;
      if (keys[k] === h) {
        const dir = this.matches(k, meta, sp, dp, s0, s1, s2, s3, d0, d1, d2, d3);
        if (dir !== 0) {
          this.forward = dir > 0;
          this.created = false;
          return e;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (this.count >= this.capacity) {
      this.makeRoom(now);
      slot = h & mask;
      while (index[slot] >= 0) slot = (slot + 1) & mask;
    }
    const e = this.free[--this.freeTop];
    index[slot] = e;
    this.count++;
    const k = e * KEY_WORDS;
    keys[k] = h;
    keys[k + 1] = meta;
    keys[k + 2] = sp;
    keys[k + 3] = dp;
    keys.set(s, k + 4);
    keys.set(d, k + 8);
    this.live[e] = 1;
    const b = e * 4;
    this.addrA.set(s, b);
    this.addrB.set(d, b);
    this.portA[e] = t.srcPort;
    this.portB[e] = t.dstPort;
    this.proto[e] = t.ipProto;
    this.version[e] = t.ipVersion;
    this.tunnel[e] = tunnelKind;
    this.app[e] = 0;
    this.checks[e] = this.opts.inspections;
    this.flags[e] = 0;
    this.sides[e] = this.opts.sideOf(s, t.ipVersion) | (this.opts.sideOf(d, t.ipVersion) << 2);
    this.packetsAB[e] = 0;
    this.packetsBA[e] = 0;
    this.bytesAB[e] = 0;
    this.bytesBA[e] = 0;
    this.firstSeen[e] = now;
    this.lastSeen[e] = now;
    this.forward = true;
    this.created = true;
    return e;
  }

  // 1: the key at k is this tuple a → b, -1: b → a, 0: another flow.
  private matches(
    k: number,
    meta: number,
    sp: number,
    dp: number,
    s0: number,
    s1: number,
    s2: number,
    s3: number,
    d0: number,
    d1: number,
    d2: number,
    d3: number,
  ): number {
    const keys = this.keys;
    if (keys[k + 1] !== meta) return 0;
    if (
      keys[k + 2] === sp &&
      keys[k + 3] === dp &&
      keys[k + 4] === s0 &&
      keys[k + 5] === s1 &&
      keys[k + 6] === s2 &&
      keys[k + 7] === s3 &&
      keys[k + 8] === d0 &&
      keys[k + 9] === d1 &&
      keys[k + 10] === d2 &&
      keys[k + 11] === d3
    ) {
      return 1;
    }
    return keys[k + 2] === dp &&
      keys[k + 3] === sp &&
      keys[k + 4] === d0 &&
      keys[k + 5] === d1 &&
      keys[k + 6] === d2 &&
      keys[k + 7] === d3 &&
      keys[k + 8] === s0 &&
      keys[k + 9] === s1 &&
      keys[k + 10] === s2 &&
      keys[k + 11] === s3
      ? -1
      : 0;
  }

  /** Starts the next interval: zero the per-interval counters, drop flows idle too long. */
  endInterval(now: number): void {
    const idleBefore = now - this.opts.idleMs;
    let removed = false;
    for (let e = 0; e < this.capacity; e++) {
      if (this.live[e] === 0) continue;
      this.packetsAB[e] = 0;
      this.packetsBA[e] = 0;
      this.bytesAB[e] = 0;
      this.bytesBA[e] = 0;
      this.flags[e] = 0;
      if (this.lastSeen[e] < idleBefore) {
        this.evict(e);
        removed = true;
      }
    }
    if (removed) this.rebuildIndex();
    this.evictions = 0;
    this.evictedOther.bytes = this.evictedOther.packets = 0;
    for (const c of [this.evictedTalkers.local, this.evictedTalkers.remote])
      c.bytes = c.packets = 0;
  }

  /** Recomputes own/local sides, after the host's addresses changed. */
  refreshSides(): void {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    for (let e = 0; e < this.capacity; e++) {
      if (this.live[e] === 0) continue;
      a.set(this.addrA.subarray(e * 4, e * 4 + 4));
      b.set(this.addrB.subarray(e * 4, e * 4 + 4));
      this.sides[e] =
        this.opts.sideOf(a, this.version[e]) | (this.opts.sideOf(b, this.version[e]) << 2);
    }
  }

  // Idle flows go first; if that frees too little, the flows with the least traffic this
  // interval. Down to 3/4 full, so the O(capacity) pass runs once per capacity/4 new flows.
  private makeRoom(now: number): void {
    const target = Math.floor((this.capacity * 3) / 4);
    const idleBefore = now - this.opts.idleMs;
    for (let e = 0; e < this.capacity; e++) {
      if (this.live[e] !== 0 && this.lastSeen[e] < idleBefore) this.evict(e);
    }
    if (this.count > target) {
      let n = 0;
      for (let e = 0; e < this.capacity; e++) {
        if (this.live[e] !== 0) this.scratch[n++] = this.bytesAB[e] + this.bytesBA[e];
      }
      const sorted = this.scratch.subarray(0, n).sort();
      const threshold = sorted[n - target - 1];
      for (let e = 0; e < this.capacity && this.count > target; e++) {
        if (this.live[e] !== 0 && this.bytesAB[e] + this.bytesBA[e] <= threshold) this.evict(e);
      }
    }
    this.rebuildIndex();
  }

  private evict(e: number): void {
    const packets = this.packetsAB[e] + this.packetsBA[e];
    if (packets > 0 && this.tunnel[e] === 0) {
      const bytes = this.bytesAB[e] + this.bytesBA[e];
      this.evictedOther.packets += packets;
      this.evictedOther.bytes += bytes;
      const sides = this.sides[e];
      for (const side of [sides & 3, sides >>> 2]) {
        const bucket = side & SIDE_LOCAL ? this.evictedTalkers.local : this.evictedTalkers.remote;
        bucket.packets += packets;
        bucket.bytes += bytes;
      }
    }
    this.live[e] = 0;
    this.free[this.freeTop++] = e;
    this.count--;
    this.evictions++;
  }

  private rebuildIndex(): void {
    const index = this.index;
    const mask = this.mask;
    index.fill(-1);
    for (let e = 0; e < this.capacity; e++) {
      if (this.live[e] === 0) continue;
      let slot = this.keys[e * KEY_WORDS] & mask;
      while (index[slot] >= 0) slot = (slot + 1) & mask;
      index[slot] = e;
    }
  }
}
