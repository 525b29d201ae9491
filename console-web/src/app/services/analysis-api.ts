// Response shapes of the console's analysis routes, from the one shared declaration.
export type {
  HostFlowsResponse,
  HostNamesResponse,
  HostPacketsResponse,
  HostStatsWithAnalysisResponse,
  HostTalkersResponse,
  RangeAnswer,
  SampleRow,
  StatsPointWithAnalysis,
} from '@nta/contracts';
