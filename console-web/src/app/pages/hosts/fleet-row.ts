import type { HostDetail, HostSummary } from '@nta/contracts';

// One sample a second: the sparklines show the last minute.
export const HISTORY_LENGTH = 60;

export interface FleetRow extends HostDetail {
  bytesHistory: readonly number[];
  name: string;
  packetsHistory: readonly number[];
}

const push = (history: readonly number[], value: number): readonly number[] =>
  history.length < HISTORY_LENGTH
    ? [...history, value]
    : [...history.slice(history.length - HISTORY_LENGTH + 1), value];

const nameOf = (host: HostDetail): string => host.displayName ?? host.hostname ?? host.id;

export function rowFromDetail(host: HostDetail): FleetRow {
  return {
    ...host,
    bytesHistory: [host.rate.bytesPerSec],
    name: nameOf(host),
    packetsHistory: [host.rate.packetsPerSec],
  };
}

/** A `host` event carries the live part only; names, group and labels stay as listed. */
export function mergeSummary(row: FleetRow | undefined, host: HostSummary): FleetRow {
  if (!row) {
    return rowFromDetail({
      ...host,
      coveragePct: null,
      displayName: null,
      group: null,
      labels: [],
    });
  }
  const merged = { ...row, ...host };
  return {
    ...merged,
    bytesHistory: push(row.bytesHistory, host.rate.bytesPerSec),
    name: nameOf(merged),
    packetsHistory: push(row.packetsHistory, host.rate.packetsPerSec),
  };
}
