// Response shapes of the analysis routes. They belong in @nta/contracts (api/) so the web app
// shares them; declared here until the lead moves them.
import type { Counters, FlowRow, Talkers, TransportCounters } from '@nta/contracts';
import type { RangeAnswer } from '../../hosts/report-range';

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
