import type { Counters, FlowRow, StatsReport, TalkerRow } from '@nta/contracts';
import {
  FLAG_ORDER,
  type FlowSum,
  type Minute,
  type MinuteRow,
  type Sums,
  type TalkerSum,
  toRow,
} from './minute-row';

const MINUTE_MS = 60_000;
// Flow and talker entries held across all open minutes (~200 bytes each). A minute that would
// pass it, or one key past PER_KEY_ENTRIES (a scan), is dropped here and rolled up in SQL instead.
const DEFAULT_MAX_ENTRIES = 500_000;
const PER_KEY_ENTRIES = 20_000;

/** The key the 1 m table is unique on: what a memory row and a stored count are matched by. */
export const minuteKey = (agentId: string, iface: string, bucket: number) =>
  `${bucket}\u0000${agentId}\u0000${iface}`;

/**
 * Sums committed 1 s reports into their 1-minute rows in memory, the same way `rollupSql('1m')`
 * does in Postgres, so a closed minute is written as ready rows instead of being re-read and
 * re-parsed from the 1 s table. Each row counts its reports: the rollup only uses a row whose
 * count matches the stored 1 s rows (it falls back to SQL after a restart, for a late report or
 * for a minute dropped here to bound memory).
 */
export class MinuteRollup {
  private readonly minutes = new Map<string, Minute>();
  // Key → minute start of the minutes dropped to bound memory.
  private readonly dropped = new Map<string, number>();
  private entries = 0;
  // Minutes before this are rolled already; a report for one of them is the SQL late path's.
  private floor = Number.NEGATIVE_INFINITY;

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /** Open minutes held (for metrics and tests). */
  get size(): number {
    return this.minutes.size;
  }

  /** Adds one committed (never a duplicate) report. */
  add(r: StatsReport): void {
    const bucket = Math.floor(r.intervalStart / MINUTE_MS) * MINUTE_MS;
    if (bucket < this.floor) return;
    const key = minuteKey(r.agentId, r.interface, bucket);
    if (this.dropped.has(key)) return;
    let m = this.minutes.get(key);
    if (!m) {
      m = newMinute(r.agentId, r.interface, bucket);
      this.minutes.set(key, m);
    }
    const grows = r.flows.length + r.talkers.local.length + r.talkers.remote.length;
    if (m.entries + grows > PER_KEY_ENTRIES || this.entries + grows > this.maxEntries) {
      this.drop(key, m);
      return;
    }
    const before = m.flows.size + m.local.size + m.remote.size;
    addReport(m, r);
    const after = m.flows.size + m.local.size + m.remote.size;
    m.entries = after;
    this.entries += after - before;
  }

  /**
   * Hands over the minutes in [from, to) as rows (topN flows and talkers each, the rest in the
   * "other" counters) and forgets every minute before `to`.
   */
  take(from: number, to: number, topN: number): Map<string, MinuteRow> {
    const rows = new Map<string, MinuteRow>();
    for (const [key, m] of this.minutes) {
      if (m.intervalStart >= to) continue;
      if (m.intervalStart >= from) rows.set(key, toRow(m, topN));
      this.entries -= m.entries;
      this.minutes.delete(key);
    }
    for (const [key, bucket] of this.dropped) {
      if (bucket < to) this.dropped.delete(key);
    }
    this.floor = Math.max(this.floor, to);
    return rows;
  }

  private drop(key: string, m: Minute): void {
    this.entries -= m.entries;
    this.minutes.delete(key);
    this.dropped.set(key, m.intervalStart);
  }
}

function newMinute(agentId: string, iface: string, bucket: number): Minute {
  const zero = () => ({ bytes: 0, packets: 0 });
  return {
    agentId,
    applications: new Map(),
    bytes: 0,
    bytesIn: 0,
    bytesOut: 0,
    direction: new Map(),
    entries: 0,
    flows: new Map(),
    flowsOther: zero(),
    interface: iface,
    intervalStart: bucket,
    links: new Map(),
    local: new Map(),
    localOther: zero(),
    packets: 0,
    q: {
      active: 0,
      captured: 0,
      coverage: 0,
      coverageN: 0,
      drops: null,
      evicted: 0,
      gre: 0,
      interfacePackets: null,
      lag: 0,
      queued: 0,
      undecodable: 0,
      vxlan: 0,
    },
    reasons: new Map(),
    remote: new Map(),
    remoteOther: zero(),
    reports: 0,
    seq: 0,
    transport: new Map(),
    undecodable: 0,
  };
}

function addReport(m: Minute, r: StatsReport): void {
  m.reports++;
  m.seq = Math.max(m.seq, r.seq);
  m.packets += r.totals.packets;
  m.bytes += r.totals.bytes;
  m.bytesIn += r.direction.in.bytes;
  m.bytesOut += r.direction.out.bytes;
  m.undecodable += r.undecodable;
  addCounters(m.flowsOther, r.flowsOther);
  addSums(m.transport, r.transport);
  addSums(m.applications, r.applications);
  addSums(m.direction, r.direction);
  for (const f of r.flows) addFlow(m.flows, f);
  addTalkers(m.local, r.talkers.local, r);
  addTalkers(m.remote, r.talkers.remote, r);
  addCounters(m.localOther, r.talkers.localOther);
  addCounters(m.remoteOther, r.talkers.remoteOther);
  const q = r.quality;
  const s = m.q;
  s.captured += q.captured;
  if (q.interfacePackets !== null)
    s.interfacePackets = (s.interfacePackets ?? 0) + q.interfacePackets;
  if (q.coveragePct !== null) {
    s.coverage += q.coveragePct;
    s.coverageN++;
  }
  if (q.drops !== null) s.drops = (s.drops ?? 0) + q.drops;
  s.lag = Math.max(s.lag, q.publishLagMs);
  s.queued = Math.max(s.queued, q.queued);
  s.undecodable += q.undecodable;
  s.active = Math.max(s.active, q.flowsActive);
  s.evicted += q.flowsEvicted;
  s.gre += q.tunnels.gre;
  s.vxlan += q.tunnels.vxlan;
  addCounts(m.reasons, q.undecodableReasons);
  addCounts(m.links, q.linkTypes);
}

function addCounters(into: Counters, c: Counters): void {
  into.bytes += c.bytes;
  into.packets += c.packets;
}

function addSums(into: Sums, from: Record<string, Counters>): void {
  for (const k in from) {
    const c = from[k];
    const have = into.get(k);
    if (have) addCounters(have, c);
    else into.set(k, { bytes: c.bytes, packets: c.packets });
  }
}

function addCounts(into: Map<string, number>, from: Record<string, number>): void {
  for (const k in from) into.set(k, (into.get(k) ?? 0) + from[k]);
}

function addFlow(into: Map<string, FlowSum>, f: FlowRow): void {
  // Ports and tunnel hold no '|'; the lengths then split the free strings without escaping.
  const key = `${f.aPort}|${f.bPort}|${f.tunnel}|${f.a.length}|${f.b.length}|${f.transport.length}|${f.a}${f.b}${f.transport}${f.application}`;
  const have = into.get(key);
  if (!have) {
    // Spelled out: a spread copy of a JSON.parse object made every later += a slow store (4×).
    const created: FlowSum = {
      a: f.a,
      aPort: f.aPort,
      application: f.application,
      b: f.b,
      bPort: f.bPort,
      bytesAtoB: f.bytesAtoB,
      bytesBtoA: f.bytesBtoA,
      firstSeen: f.firstSeen,
      flagBits: 0,
      lastSeen: f.lastSeen,
      packetsAtoB: f.packetsAtoB,
      packetsBtoA: f.packetsBtoA,
      otherFlags: '',
      tcpFlags: '',
      transport: f.transport,
      tunnel: f.tunnel,
    };
    addFlags(created, f.tcpFlags);
    into.set(key, created);
    return;
  }
  have.bytesAtoB += f.bytesAtoB;
  have.bytesBtoA += f.bytesBtoA;
  have.packetsAtoB += f.packetsAtoB;
  have.packetsBtoA += f.packetsBtoA;
  have.firstSeen = Math.min(have.firstSeen, f.firstSeen);
  have.lastSeen = Math.max(have.lastSeen, f.lastSeen);
  addFlags(have, f.tcpFlags);
}

function addTalkers(into: Map<string, TalkerSum>, rows: TalkerRow[], r: StatsReport): void {
  const at = r.intervalStart;
  for (const t of rows) {
    const have = into.get(t.address);
    if (!have) {
      const named = t.name !== null;
      into.set(t.address, {
        address: t.address,
        bytesIn: t.bytesIn,
        bytesOut: t.bytesOut,
        name: t.name,
        nameAt: named ? at : -Infinity,
        nameSeq: named ? r.seq : -1,
        packetsIn: t.packetsIn,
        packetsOut: t.packetsOut,
      });
      continue;
    }
    have.bytesIn += t.bytesIn;
    have.bytesOut += t.bytesOut;
    have.packetsIn += t.packetsIn;
    have.packetsOut += t.packetsOut;
    // The name of the latest report (interval, then seq) that had one, as the SQL rollup picks it.
    if (t.name !== null && (at > have.nameAt || (at === have.nameAt && r.seq >= have.nameSeq))) {
      have.name = t.name;
      have.nameAt = at;
      have.nameSeq = r.seq;
    }
  }
}

function addFlags(f: FlowSum, letters: string): void {
  for (let i = 0; i < letters.length; i++) {
    const bit = FLAG_ORDER.indexOf(letters[i]);
    if (bit >= 0) f.flagBits |= 1 << bit;
    else if (!f.otherFlags.includes(letters[i])) f.otherFlags += letters[i];
  }
}
