import type { StatsReport } from '@nta/contracts';

export interface Reason {
  count: number;
  reason: string;
}

/** Capture health over the window; null means the agent cannot tell. */
export interface QualitySummary {
  captured: number;
  coveragePct: number | null;
  drops: number | null;
  interfacePackets: number | null;
  // Flows the agent tracks now, and flows it evicted over the window to bound its memory.
  flowsActive: number;
  flowsEvicted: number;
  lagLatestMs: number;
  lagMaxMs: number;
  linkTypes: Reason[];
  queued: number;
  reports: number;
  tunnels: { gre: number; vxlan: number };
  undecodable: number;
  undecodableReasons: Reason[];
}

function addCounts(into: Map<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(counts)) into.set(key, (into.get(key) ?? 0) + count);
}

function byCount(counts: Map<string, number>): Reason[] {
  return [...counts]
    .map(([reason, count]) => ({ count, reason }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function summarizeQuality(reports: readonly StatsReport[]): QualitySummary | null {
  const latest = reports.at(-1);
  if (!latest) return null;
  let captured = 0;
  let drops: number | null = 0;
  let interfacePackets: number | null = 0;
  let lagMaxMs = 0;
  let undecodable = 0;
  const linkTypes = new Map<string, number>();
  const reasons = new Map<string, number>();
  const tunnels = { gre: 0, vxlan: 0 };
  for (const { quality } of reports) {
    captured += quality.captured;
    // One second the backend could not count makes the whole window's figure unknown.
    drops = drops === null || quality.drops === null ? null : drops + quality.drops;
    interfacePackets =
      interfacePackets === null || quality.interfacePackets === null
        ? null
        : interfacePackets + quality.interfacePackets;
    lagMaxMs = Math.max(lagMaxMs, quality.publishLagMs);
    undecodable += quality.undecodable;
    tunnels.gre += quality.tunnels.gre;
    tunnels.vxlan += quality.tunnels.vxlan;
    addCounts(linkTypes, quality.linkTypes);
    addCounts(reasons, quality.undecodableReasons);
  }
  return {
    captured,
    coveragePct: interfacePackets ? (captured / interfacePackets) * 100 : null,
    drops,
    interfacePackets,
    flowsActive: latest.quality.flowsActive ?? 0,
    flowsEvicted: reports.reduce((n, r) => n + (r.quality.flowsEvicted ?? 0), 0),
    lagLatestMs: latest.quality.publishLagMs,
    lagMaxMs,
    linkTypes: byCount(linkTypes),
    queued: latest.quality.queued,
    reports: reports.length,
    tunnels,
    undecodable,
    undecodableReasons: byCount(reasons),
  };
}
