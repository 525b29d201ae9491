// Response shapes of the console's analysis routes, from the one shared declaration.
export type {
  HostApplicationsResponse,
  HostFlowsResponse,
  HostNamesResponse,
  HostPacketsResponse,
  HostStatsWithAnalysisResponse,
  HostTalkersResponse,
  HostTransportsResponse,
  RangeAnswer,
  SampleRow,
  StatsPointWithAnalysis,
} from '@nta/contracts';
