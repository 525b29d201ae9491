import type {
  AgentInterfaces,
  AgentStatus,
  CaptureState,
  CommandResult,
  InterfaceInfo,
} from '@nta/contracts';

export interface AgentIdentity {
  agentId: string;
  hostname: string | null;
  version: string | null;
}

export interface StatusSnapshot {
  // The first running capture (or the last stopped one), then every capture.
  capture: CaptureState;
  captures: CaptureState[];
  outbox: { evicted: number; pending: number } | null;
}

export function onlineStatus(
  id: AgentIdentity,
  snapshot: StatusSnapshot,
  ts = Date.now(),
): AgentStatus {
  const { capture, captures, outbox } = snapshot;
  return { ...identity(id), capture, captures: captures.slice(0, 64), outbox, state: 'online', ts };
}

/** Also the MQTT last-will, so the broker announces a crashed agent the same way. */
export function offlineStatus(id: AgentIdentity, ts = Date.now()): AgentStatus {
  return { ...identity(id), capture: null, captures: [], outbox: null, state: 'offline', ts };
}

export function interfacesMessage(
  agentId: string,
  interfaces: InterfaceInfo[],
  ts = Date.now(),
): AgentInterfaces {
  return { agentId, interfaces, ts };
}

export function commandResult(
  agentId: string,
  id: string,
  outcome: { data?: unknown; error: string | null },
  ts = Date.now(),
): CommandResult {
  return { agentId, data: outcome.data, error: outcome.error, id, ok: outcome.error === null, ts };
}

function identity(id: AgentIdentity): Pick<AgentStatus, 'agentId' | 'hostname' | 'version'> {
  return { agentId: id.agentId, hostname: id.hostname?.slice(0, 255) ?? null, version: id.version };
}
