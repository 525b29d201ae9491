import { AGENT_ID_PATTERN } from '@nta/contracts';

// Group names follow the label rule of updateHostSchema.
const GROUP_PATTERN = /^[\w.:-]{1,64}$/;

export const FLEET_ROOM = 'fleet';
export const hostRoom = (hostId: string): string => `host:${hostId}`;
export const groupRoom = (group: string): string => `group:${group}`;

export type TargetRoom = { ok: true; room: string } | { error: string; ok: false };

/** The socket.io room of a subscribe/unsubscribe target, or why the target is invalid. */
export function targetRoom(target: unknown): TargetRoom {
  if (typeof target === 'string') return hostTarget(target);
  if (typeof target !== 'object' || target === null || Array.isArray(target)) {
    return invalid('a host id or one of {host}, {group}, {fleet: true}');
  }
  const keys = Object.keys(target);
  if (keys.length !== 1) return invalid('exactly one of host, group or fleet');
  const t = target as Record<string, unknown>;
  if ('host' in t)
    return typeof t.host === 'string' ? hostTarget(t.host) : invalid('host: a string');
  if ('group' in t) {
    return typeof t.group === 'string' && GROUP_PATTERN.test(t.group)
      ? { ok: true, room: groupRoom(t.group) }
      : invalid('group: 1-64 of letters, digits, _ . : -');
  }
  if ('fleet' in t)
    return t.fleet === true ? { ok: true, room: FLEET_ROOM } : invalid('fleet: true');
  return invalid(`unknown target key "${keys[0]}": use host, group or fleet`);
}

function hostTarget(id: string): TargetRoom {
  return AGENT_ID_PATTERN.test(id)
    ? { ok: true, room: hostRoom(id) }
    : invalid('host: an agent id (1-64 of A-Z a-z 0-9 . _ -)');
}

function invalid(what: string): TargetRoom {
  return { error: `invalid target: expected ${what}`, ok: false };
}
