import {
  type Counters,
  emptyTransportCounters,
  type FleetSummary,
  type HostDetail,
  type StatsReport,
  TRANSPORT_NAMES,
  type TransportCounters,
} from '@nta/contracts';
import { RATE_STALE_MS } from '../hosts/live-rates';

// FleetSummary.totals covers the last minute of reports.
export const FLEET_WINDOW_MS = 60_000;

/** What alerts and the fleet event read about one host, kept current by ingest. */
export interface LiveHost {
  coveragePct: number | null;
  group: string | null;
  id: string;
  online: boolean;
  // Bytes/s of the latest report; 0 once reports stopped for RATE_STALE_MS.
  bytesPerSec: number;
}

interface Tracked {
  detail: HostDetail;
  seenAt: number;
}

interface Bucket {
  bytes: number;
  packets: number;
  second: number;
  transport: TransportCounters;
}

/** The fleet in memory: host details as last pushed, and a minute of per-second totals. */
export class LiveState {
  private buckets: Bucket[] = [];
  private readonly hosts = new Map<string, Tracked>();

  constructor(private readonly now: () => number = Date.now) {}

  seed(hosts: HostDetail[]): void {
    // Stored rows never override a fresher push that arrived while they were read.
    for (const h of hosts)
      if (!this.hosts.has(h.id)) this.hosts.set(h.id, { detail: h, seenAt: 0 });
  }

  applyHost(detail: HostDetail): void {
    this.hosts.set(detail.id, { detail, seenAt: this.now() });
  }

  applyReport(report: StatsReport): void {
    const second = Math.floor(report.intervalEnd / 1000);
    // A late replay from an agent's outbox is history, not the last minute.
    if (second <= this.oldestSecond()) return;
    let bucket = this.buckets.find((b) => b.second === second);
    if (!bucket) {
      bucket = { bytes: 0, packets: 0, second, transport: emptyTransportCounters() };
      this.buckets.push(bucket);
    }
    bucket.bytes += report.totals.bytes;
    bucket.packets += report.totals.packets;
    for (const name of TRANSPORT_NAMES) {
      bucket.transport[name].bytes += report.transport[name].bytes;
      bucket.transport[name].packets += report.transport[name].packets;
    }
    this.prune();
  }

  groupOf(hostId: string): string | null {
    return this.hosts.get(hostId)?.detail.group ?? null;
  }

  remove(hostId: string): void {
    this.hosts.delete(hostId);
  }

  list(): LiveHost[] {
    return [...this.hosts.values()].map(({ detail }) => ({
      bytesPerSec: this.fresh(detail.id) ? detail.rate.bytesPerSec : 0,
      coveragePct: detail.coveragePct,
      group: detail.group,
      id: detail.id,
      online: detail.online,
    }));
  }

  fleet(): FleetSummary {
    this.prune();
    const hosts = { capturing: 0, offline: 0, online: 0, total: 0 };
    const rate = { bytesPerSec: 0, packetsPerSec: 0 };
    for (const { detail } of this.hosts.values()) {
      hosts.total++;
      if (!detail.online) {
        hosts.offline++;
        continue;
      }
      hosts.online++;
      if (detail.capture?.running) hosts.capturing++;
      if (!this.fresh(detail.id)) continue;
      rate.bytesPerSec += detail.rate.bytesPerSec;
      rate.packetsPerSec += detail.rate.packetsPerSec;
    }
    const totals: Counters = { bytes: 0, packets: 0 };
    const transport = emptyTransportCounters();
    for (const b of this.buckets) {
      totals.bytes += b.bytes;
      totals.packets += b.packets;
      for (const name of TRANSPORT_NAMES) {
        transport[name].bytes += b.transport[name].bytes;
        transport[name].packets += b.transport[name].packets;
      }
    }
    return { hosts, rate, totals, transport, ts: this.now() };
  }

  private fresh(hostId: string): boolean {
    const tracked = this.hosts.get(hostId);
    return !!tracked && this.now() - tracked.seenAt <= RATE_STALE_MS;
  }

  private oldestSecond(): number {
    return Math.floor((this.now() - FLEET_WINDOW_MS) / 1000);
  }

  private prune(): void {
    const oldest = this.oldestSecond();
    if (this.buckets.some((b) => b.second <= oldest)) {
      this.buckets = this.buckets.filter((b) => b.second > oldest);
    }
  }
}
