import { Injectable, computed, signal } from '@angular/core';
import type { StatsReport } from '@nta/contracts';
import { sumByName } from '../../analysis/counters';
import { mergeFlows } from '../../analysis/flow-window';
import { learnNames } from '../../analysis/name-book';
import { PacketRow, appendPackets } from '../../analysis/packet-buffer';
import { summarizeQuality } from '../../analysis/quality-window';
import { isRepeat, slideWindow } from '../../analysis/report-window';
import { mergeTalkers } from '../../analysis/talker-window';

export const FLOW_ROWS = 25;
export const TALKER_ROWS = 10;

/**
 * The host page's live analysis: the last minute of reports, and what the panels derive from
 * it. Provided per page, so leaving the host forgets it.
 */
@Injectable()
export class HostAnalysisStore {
  private nextPacketId = 1;
  private readonly reports = signal<StatsReport[]>([]);

  readonly names = signal<ReadonlyMap<string, string>>(new Map());
  readonly packets = signal<PacketRow[]>([]);
  // Packets received since the page opened, so a paused table can say how many it holds back.
  readonly packetsReceived = signal(0);

  readonly applications = computed(() => sumByName(this.reports().map((r) => r.applications)));
  readonly flows = computed(() => mergeFlows(this.reports(), FLOW_ROWS));
  readonly quality = computed(() => summarizeQuality(this.reports()));
  readonly reportCount = computed(() => this.reports().length);
  readonly talkers = computed(() => mergeTalkers(this.reports(), this.names(), TALKER_ROWS));
  readonly transports = computed(() => sumByName(this.reports().map((r) => r.transport)));

  add(report: StatsReport): void {
    // The same report twice (history overlap, reconnect) must not count its packets twice.
    if (isRepeat(this.reports(), report)) return;
    this.reports.update((window) => slideWindow(window, report));
    this.names.update((book) => learnNames(book, report.names));
    if (report.samples.length) {
      this.packets.update((rows) => appendPackets(rows, report.samples, this.nextPacketId));
      this.nextPacketId += report.samples.length;
      this.packetsReceived.update((n) => n + report.samples.length);
    }
  }

  reset(): void {
    this.names.set(new Map());
    this.packets.set([]);
    this.packetsReceived.set(0);
    this.reports.set([]);
  }
}
