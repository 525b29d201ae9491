// Hot path: touch() runs once per IP packet. Flows live in typed arrays (struct of arrays)
// indexed by an open-addressing hash of the address words and ports: no object, string or
// closure per packet or per flow. Bulk eviction keeps memory fixed on a scan.
import type { FlowTuple } from '../decode/frame-info';

// Endpoint bits in `sides` (a in bits 0-1, b in bits 2-3).
export const SIDE_OWN = 1;
export const SIDE_LOCAL = 2;

const KEY_WORDS = 12;
export const FLOW_STRIDE = 8;
export const C_PACKETS_AB = 0;
export const C_BYTES_AB = 1;
export const C_PACKETS_BA = 2;
export const C_BYTES_BA = 3;
export const C_LAST_SEEN = 4;
export const C_FIRST_SEEN = 5;
const MIN_INDEX = 1024;

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

// From the words already in registers: re-reading the tuple's arrays costs more than the math.
function endpointHash(w0: number, w1: number, w2: number, w3: number, port: number): number {
  return (
    (Math.imul(w0, 0x9e3779b1) +
      Math.imul(w1, 0x85ebca77) +
      Math.imul(w2, 0xc2b2ae3d) +
      Math.imul(w3, 0x27d4eb2f) +
      Math.imul(port + 1, 0x165667b1)) |
    0
  );
}

export class FlowTable {
  readonly addrA: Uint32Array;
  readonly addrB: Uint32Array;
  readonly app: Uint8Array;
  readonly capacity: number;
  readonly checks: Uint8Array;
  count = 0;
  // Each flow's per-interval traffic and times, FLOW_STRIDE doubles per flow (the C_* fields):
  // one cache line per packet instead of one per field.
  readonly counters: Float64Array;
  // Set by touch(): whether the packet went a → b, and whether its flow is new.
  created = false;
  // Flows evicted this interval and the traffic they had in it (kept in the "others" buckets).
  evictions = 0;
  readonly evictedOther = { bytes: 0, packets: 0 };
  readonly evictedTalkers = { local: { bytes: 0, packets: 0 }, remote: { bytes: 0, packets: 0 } };
  readonly flags: Uint8Array;
  forward = true;
  readonly live: Uint8Array;
  readonly portA: Int32Array;
  readonly portB: Int32Array;
  readonly proto: Int16Array;
  readonly sides: Uint8Array;
  // 1 + the highest flow index ever used: freed flows are reused before new ones, so report
  // loops stop here instead of walking (and paging in) the whole capacity.
  span = 0;
  readonly tunnel: Uint8Array;
  readonly version: Uint8Array;
  // Evicted flows, reused first; past them a new flow takes index `span`. Touched only as
  // flows are evicted, so a small table never makes the capacity's worth resident.
  private readonly free: Int32Array;
  private freeTop = 0;
  // Open-addressing index, kept at most half full. It starts small and doubles with the live
  // flows (up to 2 × capacity), so a few thousand flows probe a cache-resident index instead of
  // a 512 KiB one: the probe's cache miss was a tenth of the per-packet cost.
  private index: Int32Array;
  // Lookup keys packed per flow (hash, protocol+tunnel, ports, addresses): one cache line.
  private readonly keys: Uint32Array;
  private mask: number;
  private readonly maxIndex: number;
  private readonly scratch: Float64Array;

  constructor(private readonly opts: FlowTableOptions) {
    const n = opts.capacity;
    this.capacity = n;
    this.addrA = new Uint32Array(n * 4);
    this.addrB = new Uint32Array(n * 4);
    this.app = new Uint8Array(n);
    this.checks = new Uint8Array(n);
    this.counters = new Float64Array(n * FLOW_STRIDE);
    this.flags = new Uint8Array(n);
    this.live = new Uint8Array(n);
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
    this.maxIndex = size;
    size = Math.min(size, MIN_INDEX);
    this.index = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.free = new Int32Array(n);
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
    const h = mix((endpointHash(s0, s1, s2, s3, sp) + endpointHash(d0, d1, d2, d3, dp)) ^ meta);
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
      slot = this.freeSlot(h);
    } else if ((this.count + 1) * 2 > index.length && index.length < this.maxIndex) {
      this.growIndex();
      slot = this.freeSlot(h);
    }
    // With no freed flow, every flow below span is live and count < capacity: span is free.
    const e = this.freeTop > 0 ? this.free[--this.freeTop] : this.span;
    this.index[slot] = e;
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
    const c = e * FLOW_STRIDE;
    const counters = this.counters;
    counters[c + C_PACKETS_AB] = 0;
    counters[c + C_BYTES_AB] = 0;
    counters[c + C_PACKETS_BA] = 0;
    counters[c + C_BYTES_BA] = 0;
    counters[c + C_LAST_SEEN] = now;
    counters[c + C_FIRST_SEEN] = now;
    if (e >= this.span) this.span = e + 1;
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
    const counters = this.counters;
    for (let e = 0; e < this.span; e++) {
      if (this.live[e] === 0) continue;
      const c = e * FLOW_STRIDE;
      counters[c + C_PACKETS_AB] = 0;
      counters[c + C_BYTES_AB] = 0;
      counters[c + C_PACKETS_BA] = 0;
      counters[c + C_BYTES_BA] = 0;
      this.flags[e] = 0;
      if (counters[c + C_LAST_SEEN] < idleBefore) {
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

  /** Packets of flow `e` this interval, both ways. */
  packets(e: number): number {
    const c = e * FLOW_STRIDE;
    return this.counters[c + C_PACKETS_AB] + this.counters[c + C_PACKETS_BA];
  }

  /** Bytes of flow `e` this interval, both ways. */
  bytes(e: number): number {
    const c = e * FLOW_STRIDE;
    return this.counters[c + C_BYTES_AB] + this.counters[c + C_BYTES_BA];
  }

  /** Recomputes own/local sides, after the host's addresses changed. */
  refreshSides(): void {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    for (let e = 0; e < this.span; e++) {
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
    for (let e = 0; e < this.span; e++) {
      if (this.live[e] !== 0 && this.counters[e * FLOW_STRIDE + C_LAST_SEEN] < idleBefore) {
        this.evict(e);
      }
    }
    if (this.count > target) {
      let n = 0;
      for (let e = 0; e < this.span; e++) {
        if (this.live[e] !== 0) this.scratch[n++] = this.bytes(e);
      }
      const sorted = this.scratch.subarray(0, n).sort();
      const threshold = sorted[n - target - 1];
      for (let e = 0; e < this.span && this.count > target; e++) {
        if (this.live[e] !== 0 && this.bytes(e) <= threshold) this.evict(e);
      }
    }
    this.rebuildIndex();
  }

  private evict(e: number): void {
    const packets = this.packets(e);
    if (packets > 0 && this.tunnel[e] === 0) {
      const bytes = this.bytes(e);
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

  private freeSlot(h: number): number {
    const index = this.index;
    const mask = this.mask;
    let slot = h & mask;
    while (index[slot] >= 0) slot = (slot + 1) & mask;
    return slot;
  }

  private growIndex(): void {
    this.index = new Int32Array(this.index.length * 2);
    this.mask = this.index.length - 1;
    this.rebuildIndex();
  }

  private rebuildIndex(): void {
    const index = this.index;
    const mask = this.mask;
    index.fill(-1);
    for (let e = 0; e < this.span; e++) {
      if (this.live[e] === 0) continue;
      let slot = this.keys[e * KEY_WORDS] & mask;
      while (index[slot] >= 0) slot = (slot + 1) & mask;
      index[slot] = e;
    }
  }
}
