import type { AlertEvent, FleetSummary, HostSummary } from '../api';
import type { StatsReport } from '../mqtt';

/** socket.io path the console serves; clients authenticate with `auth: { token }`. */
export const WS_PATH = '/ws';

/** What a client follows: one host's reports, a group's hosts' reports, or the fleet summary. */
export type WsTarget = { fleet: true } | { group: string } | { host: string };

export interface WsAck {
  error?: string;
  ok: boolean;
}

export interface ServerToClientEvents {
  // Fired to every subscriber when an alert fires or resolves.
  alert: (event: AlertEvent) => void;
  // Once a second to `{ fleet: true }` subscribers.
  fleet: (summary: FleetSummary) => void;
  host: (host: HostSummary) => void;
  report: (report: StatsReport) => void;
  // Sent just before the console closes a socket whose login ended (logout, revoked token).
  unauthorized: (reason: string) => void;
}

export interface ClientToServerEvents {
  // A bare string is a host id (the first console's form).
  subscribe: (target: string | WsTarget, ack: (res: WsAck) => void) => void;
  unsubscribe: (target: string | WsTarget) => void;
}
