// MQTT 3.1.1 CONNACK return codes and their MQTT 5 equivalents.
const BAD_CREDENTIALS = new Set([4, 134]);
const NOT_AUTHORIZED = new Set([5, 135]);
const ID_REJECTED = new Set([2, 133]);
// Server unavailable / busy / quota / rate: the console is starting or loaded; retry soon.
const TRANSIENT = new Set([3, 136, 137, 151, 159]);

export type ConnectFailure =
  { kind: 'network'; reason: string } | { kind: 'rejected'; reason: string };

/** Classifies an mqtt.js error event into a network problem or a refusal by the broker. */
export function classifyConnectError(e: unknown, agentId: string): ConnectFailure {
  const err = e as { code?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (typeof err.code === 'number') {
    if (BAD_CREDENTIALS.has(err.code) || NOT_AUTHORIZED.has(err.code)) {
      return {
        kind: 'rejected',
        reason:
          `console rejected agent ${agentId}: bad username or password; ` +
          'check NTA_AGENT_PASSWORD (--password) matches the console secret',
      };
    }
    if (TRANSIENT.has(err.code)) {
      return { kind: 'network', reason: `console not ready (${message})` };
    }
    if (ID_REJECTED.has(err.code)) {
      return { kind: 'rejected', reason: `console rejected agent id "${agentId}" (${message})` };
    }
    return { kind: 'rejected', reason: `console refused the connection (${message})` };
  }
  return { kind: 'network', reason: typeof err.code === 'string' ? err.code : message };
}
