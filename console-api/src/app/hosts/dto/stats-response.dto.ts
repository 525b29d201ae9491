import type { Counters, Direction, HostStatsResponse, Quality, StatsPoint } from '@nta/contracts';

// Belongs in @nta/contracts (api/hosts.ts) beside StatsPoint; kept here until the lead moves it.
/** A stored report with the analysis the history chart needs (not flows or talkers). */
export interface StatsPointWithAnalysis extends StatsPoint {
  applications: Record<string, Counters>;
  // Null for reports stored before the agent analysed traffic.
  direction: Direction | null;
  quality: Quality | null;
}

export interface HostStatsWithAnalysisResponse extends HostStatsResponse {
  points: StatsPointWithAnalysis[];
}
