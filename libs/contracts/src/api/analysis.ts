import type {
  Counters,
  Direction,
  FlowRow,
  PacketSample,
  Quality,
  Talkers,
  TransportCounters,
} from '../mqtt';
import type { HostStatsResponse, StatsPoint } from './hosts';

/** The range an analysis answer covers (epoch ms), and the interface filter if one was given. */
export interface RangeAnswer {
  from: number;
  host: string;
  interface: string | null;
  to: number;
}

export interface ApplicationTotal extends Counters {
  application: string;
}

/** GET /api/hosts/:id/applications: sorted by bytes, largest first. */
export interface HostApplicationsResponse extends RangeAnswer {
  applications: ApplicationTotal[];
  totals: Counters;
}

/** GET /api/hosts/:id/transports: the protocol distribution over the range. */
export interface HostTransportsResponse extends RangeAnswer {
  totals: Counters;
  transport: TransportCounters;
}

/** Merged flows: outer rows + others = totals (tunnel-inner rows are inside outer ones). */
export interface TopFlows {
  flows: FlowRow[];
  // Merged flows left out by the limit.
  omitted: number;
  // The agents' flowsOther plus the outer flows left out by the limit.
  others: Counters;
  totals: Counters;
}

/** GET /api/hosts/:id/flows */
export type HostFlowsResponse = RangeAnswer & TopFlows;

/** Merged talkers: rows + other = everything the agents attributed to that side. */
export interface TopTalkers extends Talkers {
  omitted: { local: number; remote: number };
}

/** GET /api/hosts/:id/talkers */
export type HostTalkersResponse = RangeAnswer & TopTalkers;

/** One report's capture quality. */
export interface QualityPoint {
  captured: number;
  coveragePct: number | null;
  drops: number | null;
  interface: string;
  interfacePackets: number | null;
  intervalEnd: number;
  intervalStart: number;
  publishLagMs: number;
  queued: number;
  seq: number;
  undecodable: number;
}

export interface QualitySummary {
  avgCoveragePct: number | null;
  avgPublishLagMs: number | null;
  captured: number;
  // Null when no report in the range could tell (no counters / backend without drop stats).
  drops: number | null;
  interfacePackets: number | null;
  maxPublishLagMs: number | null;
  minCoveragePct: number | null;
  reports: number;
  undecodable: number;
  undecodableReasons: Record<string, number>;
}

/** GET /api/hosts/:id/quality */
export interface HostQualityResponse extends RangeAnswer {
  points: QualityPoint[];
  summary: QualitySummary;
}

/** GET /api/hosts/:id/names: address → name, as learned from the host's DNS traffic. */
export interface HostNamesResponse {
  host: string;
  names: Record<string, string>;
}

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

/** One sampled packet with the report it came in. */
export interface SampleRow extends PacketSample {
  interface: string;
  seq: number;
}

/** GET /api/hosts/:id/packets: the latest sampled packets, newest first. */
export interface HostPacketsResponse {
  host: string;
  interface: string | null;
  packets: SampleRow[];
}
