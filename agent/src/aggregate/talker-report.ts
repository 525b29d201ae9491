import type { Counters, TalkerRow, Talkers } from '@nta/contracts';
import type { NameTable } from '../classify/name-table';
import {
  C_BYTES_AB,
  C_BYTES_BA,
  C_PACKETS_AB,
  C_PACKETS_BA,
  FLOW_STRIDE,
  type FlowTable,
  SIDE_LOCAL,
} from './flow-table';
import { formatAddress } from './ip-address';
import { TopN } from './top-n';

const MIN_INDEX = 1024;

/**
 * Per-address traffic, summed from the flows once per report (so the per-packet path pays
 * nothing for talkers). Keys are address words in an open-addressing table reused every time.
 */
export class TalkerTable {
  private readonly addr: Uint32Array;
  private readonly bytesIn: Float64Array;
  private readonly bytesOut: Float64Array;
  private count = 0;
  // Open-addressing index sized to the flows of the interval (kept at most half full), not to
  // the capacity: a few thousand flows reset and probe 64 KiB each second instead of 1 MiB,
  // and only that much of it is ever resident.
  private index: Int32Array;
  private readonly local: Uint8Array;
  private mask = 0;
  private readonly maxIndex: number;
  private readonly packetsIn: Float64Array;
  private readonly packetsOut: Float64Array;
  private readonly version: Uint8Array;

  constructor(capacity: number) {
    this.addr = new Uint32Array(capacity * 4);
    this.bytesIn = new Float64Array(capacity);
    this.bytesOut = new Float64Array(capacity);
    this.local = new Uint8Array(capacity);
    this.packetsIn = new Float64Array(capacity);
    this.packetsOut = new Float64Array(capacity);
    this.version = new Uint8Array(capacity);
    let size = 2;
    while (size < capacity * 2) size *= 2;
    this.maxIndex = size;
    this.index = new Int32Array(Math.min(size, MIN_INDEX));
  }

  /** Local and remote top-N of the flows' traffic this interval; names from `names`. */
  report(flows: FlowTable, n: number, names: NameTable): Talkers {
    this.count = 0;
    this.resetIndex(flows.count);
    const c = flows.counters;
    for (let e = 0; e < flows.span; e++) {
      if (flows.live[e] === 0 || flows.tunnel[e] !== 0) continue;
      const at = e * FLOW_STRIDE;
      const pAB = c[at + C_PACKETS_AB];
      const pBA = c[at + C_PACKETS_BA];
      if (pAB + pBA === 0) continue;
      const bAB = c[at + C_BYTES_AB];
      const bBA = c[at + C_BYTES_BA];
      const v = flows.version[e];
      const a = this.slot(flows.addrA, e * 4, v, flows.sides[e] & SIDE_LOCAL);
      const b = this.slot(flows.addrB, e * 4, v, (flows.sides[e] >>> 2) & SIDE_LOCAL);
      this.packetsOut[a] += pAB;
      this.bytesOut[a] += bAB;
      this.packetsIn[a] += pBA;
      this.bytesIn[a] += bBA;
      this.packetsOut[b] += pBA;
      this.bytesOut[b] += bBA;
      this.packetsIn[b] += pAB;
      this.bytesIn[b] += bAB;
    }
    const { local, remote } = flows.evictedTalkers;
    const localOther: Counters = { bytes: local.bytes, packets: local.packets };
    const remoteOther: Counters = { bytes: remote.bytes, packets: remote.packets };
    const topLocal = new TopN(n);
    const topRemote = new TopN(n);
    for (let t = 0; t < this.count; t++) {
      const isLocal = this.local[t] !== 0;
      const out = (isLocal ? topLocal : topRemote).offer(t, this.bytesIn[t] + this.bytesOut[t]);
      if (out < 0) continue;
      const bucket = this.local[out] !== 0 ? localOther : remoteOther;
      bucket.packets += this.packetsIn[out] + this.packetsOut[out];
      bucket.bytes += this.bytesIn[out] + this.bytesOut[out];
    }
    return {
      local: topLocal.drain().map((t) => this.row(t, names)),
      localOther,
      remote: topRemote.drain().map((t) => this.row(t, names)),
      remoteOther,
    };
  }

  // Each flow adds at most two talkers: room for all of them at half load.
  private resetIndex(flowCount: number): void {
    let size = MIN_INDEX;
    while (size < flowCount * 4 && size < this.maxIndex) size *= 2;
    if (size > this.index.length) this.index = new Int32Array(size);
    this.mask = size - 1;
    this.index.fill(-1, 0, size);
  }

  private row(t: number, names: NameTable): TalkerRow {
    const address = formatAddress(this.addr, t * 4, this.version[t]);
    return {
      address,
      bytesIn: this.bytesIn[t],
      bytesOut: this.bytesOut[t],
      name: names.lookup(address),
      packetsIn: this.packetsIn[t],
      packetsOut: this.packetsOut[t],
    };
  }

  private slot(words: Uint32Array, off: number, version: number, local: number): number {
    const h =
      (Math.imul(words[off] ^ version, 0x9e3779b1) ^
        Math.imul(words[off + 1], 0x85ebca77) ^
        Math.imul(words[off + 2], 0xc2b2ae3d) ^
        Math.imul(words[off + 3], 0x27d4eb2f)) >>>
      0;
    let i = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const t = this.index[i];
      if (t < 0) break;
      const b = t * 4;
      if (
        this.version[t] === version &&
        this.addr[b] === words[off] &&
        this.addr[b + 1] === words[off + 1] &&
        this.addr[b + 2] === words[off + 2] &&
        this.addr[b + 3] === words[off + 3]
      ) {
        return t;
      }
      i = (i + 1) & this.mask;
    }
    const t = this.count++;
    this.index[i] = t;
    this.addr.set(words.subarray(off, off + 4), t * 4);
    this.version[t] = version;
    this.local[t] = local !== 0 ? 1 : 0;
    this.bytesIn[t] = this.bytesOut[t] = this.packetsIn[t] = this.packetsOut[t] = 0;
    return t;
  }
}
