import { Injectable, computed, signal } from '@angular/core';
import type { Counters, FlowRow, StatsReport, Talkers } from '@nta/contracts';
import { sumByName } from '../../analysis/counters';
import { mergeFlows } from '../../analysis/flow-window';
import { reportFromPoint, withoutTop, zeroTransport } from '../../analysis/history-seed';
import { learnNames } from '../../analysis/name-book';
import { PACKET_ROWS_CAP, PacketRow, appendPackets } from '../../analysis/packet-buffer';
import { summarizeQuality } from '../../analysis/quality-window';
import { LIVE_WINDOW_MS, isRepeat, slideWindow } from '../../analysis/report-window';
import { mergeTalkers } from '../../analysis/talker-window';
import type { SampleRow, StatsPointWithAnalysis } from '../../services/analysis-api';

export const FLOW_ROWS = 25;
export const TALKER_ROWS = 10;

/** Flows and talkers the console merged over [from, to] before the page listened. */
export interface TopSeed {
  flows: FlowRow[];
  flowsOther: Counters;
  talkers: Talkers;
  to: number;
}

const reportKey = (r: { interface: string; seq: number }) => `${r.interface}/${r.seq}`;

/**
 * The host page's live analysis: the last minute of reports, and what the panels derive from
 * it. Provided per page, so leaving the host forgets it.
 */
@Injectable()
export class HostAnalysisStore {
  private nextPacketId = 1;
  private readonly reports = signal<StatsReport[]>([]);
  private readonly sampled = new Set<string>();
  private readonly seed = signal<StatsReport | null>(null);

  readonly names = signal<ReadonlyMap<string, string>>(new Map());
  readonly packets = signal<PacketRow[]>([]);
  // Packets received since the page opened, so a paused table can say how many it holds back.
  readonly packetsReceived = signal(0);

  // The seed is one block: it leaves the window whole, once its newest second has.
  private readonly withSeed = computed(() => {
    const reports = this.reports();
    const seed = this.seed();
    const newest = reports.at(-1)?.intervalEnd ?? 0;
    return seed && seed.intervalEnd > newest - LIVE_WINDOW_MS ? [seed, ...reports] : reports;
  });

  readonly applications = computed(() => sumByName(this.reports().map((r) => r.applications)));
  readonly flows = computed(() => mergeFlows(this.withSeed(), FLOW_ROWS));
  readonly quality = computed(() => summarizeQuality(this.reports()));
  readonly reportCount = computed(() => this.reports().length);
  readonly talkers = computed(() => mergeTalkers(this.withSeed(), this.names(), TALKER_ROWS));
  readonly transports = computed(() => sumByName(this.reports().map((r) => r.transport)));

  add(report: StatsReport): void {
    // The same report twice (history overlap, reconnect) must not count its packets twice.
    if (isRepeat(this.reports(), report)) return;
    const seedTo = this.seed()?.intervalEnd;
    // Flows and talkers of a second the seed already holds would count twice.
    const added =
      seedTo !== undefined && report.intervalStart <= seedTo ? withoutTop(report) : report;
    this.reports.update((window) => slideWindow(window, added));
    this.names.update((book) => learnNames(book, report.names));
    if (report.samples.length) {
      this.sampled.add(reportKey(report));
      this.packets.update((rows) => appendPackets(rows, report.samples, this.nextPacketId));
      this.nextPacketId += report.samples.length;
      this.packetsReceived.update((n) => n + report.samples.length);
    }
  }

  /** Stored seconds from the history route: they fill the window as if they had come live. */
  addHistory(agentId: string, points: readonly StatsPointWithAnalysis[]): void {
    this.reports.update((window) =>
      points.reduce((w, point) => {
        const report = reportFromPoint(agentId, point);
        return isRepeat(w, report) ? w : slideWindow(w, report);
      }, window),
    );
  }

  reset(): void {
    this.names.set(new Map());
    this.packets.set([]);
    this.packetsReceived.set(0);
    this.reports.set([]);
    this.sampled.clear();
    this.seed.set(null);
  }

  /** Names learned before the page opened; names learned live since are newer and win. */
  seedNames(names: Readonly<Record<string, string>>): void {
    this.names.update((book) => learnNames(learnNames(new Map(), names), Object.fromEntries(book)));
  }

  /** The console's latest samples, behind the live ones and without the reports seen live. */
  seedPackets(rows: readonly SampleRow[]): void {
    const stored = rows
      .filter((row) => !this.sampled.has(reportKey(row)))
      .map(({ dst, info, length, protocol, src, ts }, i) => {
        return { dst, id: this.nextPacketId + i, info, length, protocol, src, ts };
      });
    this.nextPacketId += stored.length;
    this.packets.update((live) => [...live, ...stored].slice(0, PACKET_ROWS_CAP));
    this.packetsReceived.update((n) => n + stored.length);
  }

  seedTop(agentId: string, from: number, top: TopSeed): void {
    const seed = reportFromPoint(agentId, {
      applications: {},
      bytes: 0,
      direction: null,
      interface: '',
      intervalEnd: top.to,
      intervalStart: from,
      packets: 0,
      quality: null,
      seq: -1,
      transport: zeroTransport(),
      undecodable: 0,
    });
    this.seed.set({ ...seed, flows: top.flows, flowsOther: top.flowsOther, talkers: top.talkers });
    this.reports.update((window) =>
      window.map((r) => (r.intervalStart <= top.to ? withoutTop(r) : r)),
    );
  }
}
