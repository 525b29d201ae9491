// Response shapes of the console's analysis routes (console-api/src/app/analysis/dto and
// packets/dto). They belong in @nta/contracts; mirrored here until they move there.
import type {
  Counters,
  Direction,
  FlowRow,
  HostStatsResponse,
  PacketSample,
  Quality,
  StatsPoint,
  Talkers,
} from '@nta/contracts';

export interface RangeAnswer {
  from: number;
  host: string;
  interface: string | null;
  to: number;
}

/** A stored report with the analysis the history carries (not flows or talkers). */
export interface StatsPointWithAnalysis extends StatsPoint {
  applications?: Record<string, Counters>;
  // Null for reports stored before the agent analysed traffic.
  direction?: Direction | null;
  quality?: Quality | null;
}

export interface HostStatsWithAnalysisResponse extends HostStatsResponse {
  points: StatsPointWithAnalysis[];
}

/** GET /api/hosts/:id/flows: outer rows + others = totals. */
export interface HostFlowsResponse extends RangeAnswer {
  flows: FlowRow[];
  omitted: number;
  others: Counters;
  totals: Counters;
}

/** GET /api/hosts/:id/talkers: rows + other = everything attributed to that side. */
export interface HostTalkersResponse extends RangeAnswer, Talkers {
  omitted: { local: number; remote: number };
}

/** GET /api/hosts/:id/names */
export interface HostNamesResponse {
  host: string;
  names: Record<string, string>;
}

export interface SampleRow extends PacketSample {
  interface: string;
  seq: number;
}

/** GET /api/hosts/:id/packets: newest first. */
export interface HostPacketsResponse {
  host: string;
  interface: string | null;
  packets: SampleRow[];
}
