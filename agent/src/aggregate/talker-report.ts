import type { Counters, TalkerRow, Talkers } from '@nta/contracts';
import type { NameTable } from '../classify/name-table';
import { type FlowTable, SIDE_LOCAL } from './flow-table';
import { formatAddress } from './ip-address';
import { TopN } from './top-n';

/**
 * Per-address traffic, summed from the flows once per report (so the per-packet path pays
 * nothing for talkers). Keys are address words in an open-addressing table reused every time.
 */
export class TalkerTable {
  private readonly addr: Uint32Array;
  private readonly bytesIn: Float64Array;
  private readonly bytesOut: Float64Array;
  private count = 0;
  private readonly index: Int32Array;
  private readonly local: Uint8Array;
  private readonly mask: number;
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
    this.index = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Local and remote top-N of the flows' traffic this interval; names from `names`. */
  report(flows: FlowTable, n: number, names: NameTable): Talkers {
    this.count = 0;
    this.index.fill(-1);
    for (let e = 0; e < flows.capacity; e++) {
      if (flows.live[e] === 0 || flows.tunnel[e] !== 0) continue;
      const pAB = flows.packetsAB[e];
      const pBA = flows.packetsBA[e];
      if (pAB + pBA === 0) continue;
      const bAB = flows.bytesAB[e];
      const bBA = flows.bytesBA[e];
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
