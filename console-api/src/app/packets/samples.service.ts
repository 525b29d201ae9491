import { Injectable } from '@nestjs/common';
import type { SampleRow, StatsReport } from '@nta/contracts';
import { SampleRing } from './sample-ring';

export const SAMPLES_PER_INTERFACE = 500;
// Interface names come from the agent: bound how many rings one host can make us keep.
export const MAX_INTERFACES_PER_HOST = 16;

/**
 * The live packet table's rows: the last samples of each host and interface, in memory only
 * (they are a view of now, not history, so Postgres never sees them).
 */
@Injectable()
export class SamplesService {
  private readonly rings = new Map<string, Map<string, SampleRing<SampleRow>>>();

  /** Call once per stored report, so a replayed seq does not repeat its rows. */
  record(report: StatsReport): void {
    if (report.samples.length === 0) return;
    const ring = this.ring(report.agentId, report.interface);
    for (const sample of report.samples) {
      ring.push({ ...sample, interface: report.interface, seq: report.seq });
    }
  }

  /** Newest first (by packet time) over one interface or all of the host's. */
  latest(host: string, limit: number, iface?: string): SampleRow[] {
    const byInterface = this.rings.get(host);
    if (!byInterface) return [];
    const rings = iface === undefined ? [...byInterface.values()] : [byInterface.get(iface)];
    return rings
      .flatMap((ring) => ring?.newestFirst(limit) ?? [])
      .sort((x, y) => y.ts - x.ts || y.seq - x.seq)
      .slice(0, limit);
  }

  private ring(host: string, iface: string): SampleRing<SampleRow> {
    let byInterface = this.rings.get(host);
    if (!byInterface) {
      byInterface = new Map();
      this.rings.set(host, byInterface);
    }
    let ring = byInterface.get(iface);
    if (ring) {
      // Re-insert so Map order is least recently written first, for eviction.
      byInterface.delete(iface);
    } else {
      ring = new SampleRing<SampleRow>(SAMPLES_PER_INTERFACE);
      if (byInterface.size >= MAX_INTERFACES_PER_HOST) {
        const stalest = byInterface.keys().next().value as string;
        byInterface.delete(stalest);
      }
    }
    byInterface.set(iface, ring);
    return ring;
  }
}
