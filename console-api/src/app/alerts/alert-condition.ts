import type { AlertRule } from '@nta/contracts';
import type { LiveHost } from '../live/live-state';

export interface Observation {
  // null: no verdict this round (no data), which holds the alert state.
  breached: boolean | null;
  value: number | null;
}

/** Hosts a rule watches: its host, its group's hosts, or (neither set) every host. */
export function ruleTargets(rule: AlertRule, hosts: LiveHost[]): LiveHost[] {
  if (rule.host) return hosts.filter((h) => h.id === rule.host);
  if (rule.group) return hosts.filter((h) => h.group === rule.group);
  return hosts;
}

/** One rule's condition on one host, from live data. */
export function observe(rule: AlertRule, host: LiveHost): Observation {
  const threshold = rule.threshold ?? 0;
  switch (rule.kind) {
    case 'host-offline':
      return { breached: !host.online, value: null };
    case 'throughput-above':
      return host.online
        ? { breached: host.bytesPerSec > threshold, value: host.bytesPerSec }
        : { breached: null, value: null };
    case 'throughput-below':
      return host.online
        ? { breached: host.bytesPerSec < threshold, value: host.bytesPerSec }
        : { breached: null, value: null };
    case 'coverage-below':
      return host.online && host.coveragePct !== null
        ? { breached: host.coveragePct < threshold, value: host.coveragePct }
        : { breached: null, value: null };
  }
}

/** The human line stored on the event and sent in the webhook. */
export function alertMessage(rule: AlertRule, host: string, value: number | null): string {
  const t = rule.threshold ?? 0;
  switch (rule.kind) {
    case 'host-offline':
      return `${host} is offline`;
    case 'throughput-above':
      return `${host} throughput ${value ?? '?'} B/s is above ${t} B/s`;
    case 'throughput-below':
      return `${host} throughput ${value ?? '?'} B/s is below ${t} B/s`;
    case 'coverage-below':
      return `${host} capture coverage ${value ?? '?'} % is below ${t} %`;
  }
}
