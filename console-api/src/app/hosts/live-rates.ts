import type { HostRate, StatsReport } from '@nta/contracts';

// A rate older than this means the agent stopped reporting: show zero, not a frozen number.
export const RATE_STALE_MS = 5000;

interface InterfaceRate extends HostRate {
  at: number;
}

/** Per-host live rate, from the latest report of each interface. */
export class LiveRates {
  private readonly byHost = new Map<string, Map<string, InterfaceRate>>();

  constructor(private readonly now: () => number = Date.now) {}

  record(report: StatsReport): void {
    const seconds = Math.max(1, (report.intervalEnd - report.intervalStart) / 1000);
    let interfaces = this.byHost.get(report.agentId);
    if (!interfaces) {
      interfaces = new Map<string, InterfaceRate>();
      this.byHost.set(report.agentId, interfaces);
    }
    interfaces.set(report.interface, {
      at: this.now(),
      bytesPerSec: Math.round(report.totals.bytes / seconds),
      packetsPerSec: Math.round(report.totals.packets / seconds),
    });
  }

  clear(hostId: string): void {
    this.byHost.delete(hostId);
  }

  rate(hostId: string): HostRate {
    const rate: HostRate = { bytesPerSec: 0, packetsPerSec: 0 };
    const cutoff = this.now() - RATE_STALE_MS;
    for (const r of this.byHost.get(hostId)?.values() ?? []) {
      if (r.at < cutoff) continue;
      rate.bytesPerSec += r.bytesPerSec;
      rate.packetsPerSec += r.packetsPerSec;
    }
    return rate;
  }
}
