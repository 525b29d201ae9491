// Hot path: add() runs once per packet and is written for speed on purpose: counters in typed
// arrays, flows keyed by numbers, payload parsers only on a flow's first packets or on DNS.
// flush() runs once per second and builds the report (it may allocate).
import { emptyStatsReport, type StatsReport } from '@nta/contracts';
import { ApplicationClassifier } from '../classify/application-classifier';
import { APP_ARP, APP_COUNT, APP_UNKNOWN, appName } from '../classify/app-id';
import { isDnsResponse, readDnsAnswers } from '../classify/dns-message';
import { NameTable } from '../classify/name-table';
import { describePacket, isDnsApp, isNotable } from '../classify/packet-info';
import type { ReverseDns } from '../classify/reverse-dns';
import {
  type FlowTuple,
  type FrameInfo,
  TUNNEL_GRE,
  TUNNEL_NONE,
  TUNNEL_VXLAN,
} from '../decode/frame-info';
import { SLOT_ARP, SLOT_COUNT, SLOT_NAMES, SLOT_UNDECODABLE } from '../decode/transport-slot';
import { REASON_NAMES, REASON_UNSUPPORTED_LINK_TYPE } from '../decode/undecodable-reason';
import { flowReport } from './flow-report';
import {
  C_LAST_SEEN,
  C_PACKETS_AB,
  C_PACKETS_BA,
  FLOW_STRIDE,
  FlowTable,
  SIDE_OWN,
} from './flow-table';
import { HostAddresses } from './host-addresses';
import { formatAddress } from './ip-address';
import { PacketSampler } from './packet-sampler';
import { TalkerTable } from './talker-report';

export interface ReportMeta {
  agentId: string;
  interface: string;
  // Packets the interface's own counters saw in the interval; null when unknown.
  interfacePackets?: number | null;
  intervalEnd: number;
  seq: number;
}

export interface AnalysisOptions {
  flowCapacity: number;
  flowIdleMs: number;
  hosts?: HostAddresses;
  names?: NameTable;
  reverseDns?: ReverseDns | null;
  samples: number;
  topFlows: number;
  topTalkers: number;
}

export const DEFAULT_ANALYSIS: AnalysisOptions = {
  flowCapacity: 65_536,
  flowIdleMs: 60_000,
  samples: 50,
  topFlows: 50,
  topTalkers: 20,
};

const DIR_IN = 0;
const DIR_OUT = 1;
const DIR_LOCAL = 2;
const DIR_OTHER = 3;
// A flow's first payloads checked against signatures before its port guess is final.
const INSPECTIONS = 4;
const NAMES_PER_REPORT = 256;
const NAME_CAPACITY = 16_384;
const HOST_REFRESH_MS = 30_000;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;

/** One interval of analysis. Single-threaded: the capture callback and the timer share it. */
export class StatsAccumulator {
  readonly flows: FlowTable;
  readonly names: NameTable;
  private readonly appBytes = new Float64Array(APP_COUNT);
  private readonly appPackets = new Float64Array(APP_COUNT);
  private readonly classifier = new ApplicationClassifier();
  private readonly dirBytes = new Float64Array(4);
  private readonly dirPackets = new Float64Array(4);
  private readonly hosts: HostAddresses;
  private hostsReadAt = 0;
  // Set by touchFlow(): the packet's payload went through the classifier.
  private inspected = false;
  private readonly linkTypes = new Map<number, number>();
  private readonly opts: AnalysisOptions;
  private readonly reasons = new Float64Array(REASON_NAMES.length);
  private readonly sampler: PacketSampler;
  private readonly talkers: TalkerTable;
  private totalBytes = 0;
  private totalPackets = 0;
  private readonly transportBytes = new Float64Array(SLOT_COUNT);
  private readonly transportPackets = new Float64Array(SLOT_COUNT);
  private readonly tunnels = new Float64Array(3);
  private undecodable = 0;

  constructor(
    private intervalStart: number,
    options: Partial<AnalysisOptions> = {},
  ) {
    this.opts = { ...DEFAULT_ANALYSIS, ...options };
    this.hosts = this.opts.hosts ?? new HostAddresses();
    this.hostsReadAt = intervalStart;
    this.names = this.opts.names ?? new NameTable(NAME_CAPACITY);
    this.flows = new FlowTable({
      capacity: this.opts.flowCapacity,
      idleMs: this.opts.flowIdleMs,
      inspections: INSPECTIONS,
      sideOf: this.hosts.sideOf,
    });
    this.talkers = new TalkerTable(this.opts.flowCapacity * 2);
    this.sampler = new PacketSampler(this.opts.samples);
  }

  get packetCount(): number {
    return this.totalPackets;
  }

  /** Totals count every frame, undecodable ones too; the rest only decoded ones. */
  add(info: FrameInfo, buf: Buffer, wireBytes: number, linkType: number, now: number): void {
    this.totalPackets++;
    this.totalBytes += wireBytes;
    const slot = info.slot;
    if (slot === SLOT_UNDECODABLE || slot < 0 || slot >= SLOT_COUNT) {
      this.addUndecodable(info.reason, linkType);
      return;
    }
    this.transportPackets[slot]++;
    this.transportBytes[slot] += wireBytes;
    const outer = info.outer;
    if (outer.ipVersion === 0) {
      this.addNonIp(info, buf, wireBytes, now);
      return;
    }
    const flows = this.flows;
    const e = this.touchFlow(outer, TUNNEL_NONE, buf, wireBytes, now);
    const inspected = this.inspected;
    const sides = flows.forward ? flows.sides[e] : (flows.sides[e] >>> 2) | (flows.sides[e] << 2);
    const srcOwn = sides & SIDE_OWN;
    const dstOwn = (sides >>> 2) & SIDE_OWN;
    const dir = srcOwn ? (dstOwn ? DIR_LOCAL : DIR_OUT) : dstOwn ? DIR_IN : DIR_OTHER;
    this.dirPackets[dir]++;
    this.dirBytes[dir] += wireBytes;
    const app = flows.app[e];
    this.appPackets[app]++;
    this.appBytes[app] += wireBytes;
    if (outer.payloadLength > 12 && isDnsApp(app)) this.learnNames(outer, buf);
    if (info.tunnel !== TUNNEL_NONE) {
      this.tunnels[info.tunnel]++;
      if (info.inner.ipVersion !== 0) this.touchFlow(info.inner, info.tunnel, buf, wireBytes, now);
    }
    // TLS ClientHellos and HTTP requests open their flows, so only packets still being
    // inspected are looked at; every DNS packet is.
    const notable =
      (inspected || (outer.payloadLength > 0 && isDnsApp(app))) && isNotable(app, outer, buf);
    if (this.sampler.wants(notable)) this.sample(info, app, buf, wireBytes, now, notable);
  }

  /** Builds the report for [intervalStart, intervalEnd] and starts the next interval there. */
  flush(meta: ReportMeta): StatsReport {
    const intervalEnd = Math.max(meta.intervalEnd, this.intervalStart);
    const r = emptyStatsReport({
      agentId: meta.agentId,
      interface: meta.interface,
      intervalEnd,
      intervalStart: this.intervalStart,
      seq: meta.seq,
    });
    r.totals = { bytes: this.totalBytes, packets: this.totalPackets };
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      r.transport[SLOT_NAMES[slot]] = {
        bytes: this.transportBytes[slot],
        packets: this.transportPackets[slot],
      };
    }
    for (let app = 0; app < APP_COUNT; app++) {
      if (this.appPackets[app] > 0) {
        r.applications[appName(app)] = { bytes: this.appBytes[app], packets: this.appPackets[app] };
      }
    }
    const dir = (d: number) => ({ bytes: this.dirBytes[d], packets: this.dirPackets[d] });
    r.direction = {
      in: dir(DIR_IN),
      local: dir(DIR_LOCAL),
      other: dir(DIR_OTHER),
      out: dir(DIR_OUT),
    };
    const { flowsOther, rows } = flowReport(this.flows, this.opts.topFlows);
    r.flows = rows;
    r.flowsOther = flowsOther;
    r.talkers = this.talkers.report(this.flows, this.opts.topTalkers, this.names);
    r.names = this.names.takeFresh(NAMES_PER_REPORT);
    r.samples = this.sampler.flush();
    r.undecodable = this.undecodable;
    this.fillQuality(r, meta.interfacePackets ?? null);
    this.opts.reverseDns?.request(
      [...r.talkers.remote, ...r.talkers.local]
        .filter((t) => t.name === null)
        .map((t) => t.address),
      intervalEnd,
    );
    this.reset(intervalEnd);
    return r;
  }

  reset(intervalStart: number): void {
    this.appBytes.fill(0);
    this.appPackets.fill(0);
    this.dirBytes.fill(0);
    this.dirPackets.fill(0);
    this.linkTypes.clear();
    this.reasons.fill(0);
    this.transportBytes.fill(0);
    this.transportPackets.fill(0);
    this.tunnels.fill(0);
    this.totalBytes = 0;
    this.totalPackets = 0;
    this.undecodable = 0;
    this.flows.endInterval(intervalStart);
    this.sampler.flush();
    this.intervalStart = intervalStart;
    if (intervalStart - this.hostsReadAt >= HOST_REFRESH_MS) {
      this.hostsReadAt = intervalStart;
      if (this.hosts.refresh()) this.flows.refreshSides();
    }
  }

  private touchFlow(
    t: FlowTuple,
    tunnel: number,
    buf: Buffer,
    wireBytes: number,
    now: number,
  ): number {
    const flows = this.flows;
    const e = flows.touch(t, tunnel, now);
    if (flows.created) {
      flows.app[e] = this.classifier.portGuess(t.ipProto, t.srcPort, t.dstPort);
      if (t.ipProto !== IPPROTO_TCP && t.ipProto !== IPPROTO_UDP) flows.checks[e] = 0;
    }
    this.inspected = false;
    if (flows.checks[e] !== 0 && t.payloadLength > 0) {
      this.inspected = true;
      const verdict = this.classifier.inspectPayload(
        flows.app[e],
        t.ipProto,
        buf,
        t.payloadOffset,
        t.payloadLength,
      );
      if (verdict >= 0) {
        flows.app[e] = verdict;
        flows.checks[e] = 0;
      } else {
        flows.checks[e]--;
      }
    }
    const counters = flows.counters;
    const c = e * FLOW_STRIDE + (flows.forward ? C_PACKETS_AB : C_PACKETS_BA);
    counters[c]++;
    counters[c + 1] += wireBytes;
    counters[e * FLOW_STRIDE + C_LAST_SEEN] = now;
    flows.flags[e] |= t.tcpFlags;
    return e;
  }

  private addUndecodable(reason: number, linkType: number): void {
    this.undecodable++;
    if (reason >= 0 && reason < this.reasons.length) this.reasons[reason]++;
    if (reason === REASON_UNSUPPORTED_LINK_TYPE) {
      this.linkTypes.set(linkType, (this.linkTypes.get(linkType) ?? 0) + 1);
    }
  }

  // ARP has IPv4 sender/target addresses for direction; other non-IP frames are "other".
  private addNonIp(info: FrameInfo, buf: Buffer, wireBytes: number, now: number): void {
    const isArp = info.slot === SLOT_ARP;
    const app = isArp ? APP_ARP : APP_UNKNOWN;
    this.appPackets[app]++;
    this.appBytes[app] += wireBytes;
    let dir = DIR_OTHER;
    if (isArp) {
      const srcOwn = this.hosts.sideOf(info.outer.src, 4) & SIDE_OWN;
      const dstOwn = this.hosts.sideOf(info.outer.dst, 4) & SIDE_OWN;
      dir = srcOwn ? (dstOwn ? DIR_LOCAL : DIR_OUT) : dstOwn ? DIR_IN : DIR_OTHER;
    }
    this.dirPackets[dir]++;
    this.dirBytes[dir] += wireBytes;
    if (this.sampler.wants(false)) this.sample(info, app, buf, wireBytes, now, false);
  }

  private learnNames(t: FlowTuple, buf: Buffer): void {
    const tcp = t.ipProto === IPPROTO_TCP;
    if (!isDnsResponse(buf, t.payloadOffset, t.payloadLength, tcp)) return;
    for (const a of readDnsAnswers(buf, t.payloadOffset, t.payloadLength, tcp)) {
      this.names.learn(a.address, a.name);
    }
  }

  private sample(
    info: FrameInfo,
    app: number,
    buf: Buffer,
    wireBytes: number,
    now: number,
    notable: boolean,
  ): void {
    const t = info.outer;
    const isArp = app === APP_ARP;
    const version = isArp ? 4 : t.ipVersion;
    this.sampler.take(
      {
        dst: version === 0 ? '' : formatAddress(t.dst, 0, version),
        info: describePacket(info, app, buf).slice(0, 512),
        length: wireBytes,
        protocol: app !== APP_UNKNOWN ? appName(app) : SLOT_NAMES[info.slot],
        src: version === 0 ? '' : formatAddress(t.src, 0, version),
        ts: now,
      },
      notable,
    );
  }

  private fillQuality(r: StatsReport, interfacePackets: number | null): void {
    const q = r.quality;
    q.captured = this.totalPackets;
    q.interfacePackets = interfacePackets;
    q.coveragePct = coveragePct(this.totalPackets, interfacePackets);
    q.undecodable = this.undecodable;
    for (let i = 1; i < this.reasons.length; i++) {
      if (this.reasons[i] > 0) q.undecodableReasons[REASON_NAMES[i]] = this.reasons[i];
    }
    for (const [type, n] of this.linkTypes) q.linkTypes[String(type)] = n;
    q.tunnels = { gre: this.tunnels[TUNNEL_GRE], vxlan: this.tunnels[TUNNEL_VXLAN] };
    q.flowsActive = this.flows.count;
    q.flowsEvicted = this.flows.evictions;
  }
}

/** captured / interface packets in %, one decimal; null when the interface has no counters. */
export function coveragePct(captured: number, interfacePackets: number | null): number | null {
  if (interfacePackets === null) return null;
  if (interfacePackets === 0) return captured === 0 ? 100 : null;
  return Math.round((captured / interfacePackets) * 1000) / 10;
}
