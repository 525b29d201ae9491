import type { HostSummary } from '../api';
import type { StatsReport } from '../mqtt';

/** socket.io path the console serves; clients authenticate with `auth: { token }`. */
export const WS_PATH = '/ws';

export interface ServerToClientEvents {
  host: (host: HostSummary) => void;
  report: (report: StatsReport) => void;
}

export interface ClientToServerEvents {
  subscribe: (hostId: string, ack: (res: { ok: boolean; error?: string }) => void) => void;
  unsubscribe: (hostId: string) => void;
}
