import type { Counters, StatsReport, TalkerRow } from '@nta/contracts';
import { addInto, zero } from './counters';

export interface TalkerView {
  others: Counters;
  rows: TalkerRow[];
  total: Counters;
}

export interface TalkersView {
  local: TalkerView;
  remote: TalkerView;
}

export function talkerBytes(row: TalkerRow): number {
  return row.bytesIn + row.bytesOut;
}

export function talkerPackets(row: TalkerRow): number {
  return row.packetsIn + row.packetsOut;
}

function mergeSide(
  sides: readonly { other: Counters; rows: readonly TalkerRow[] }[],
  names: ReadonlyMap<string, string>,
  limit: number,
): TalkerView {
  const merged = new Map<string, TalkerRow>();
  const total = zero();
  for (const side of sides) {
    addInto(total, side.other);
    for (const row of side.rows) {
      addInto(total, { bytes: talkerBytes(row), packets: talkerPackets(row) });
      const into = merged.get(row.address);
      if (!into) {
        merged.set(row.address, { ...row });
        continue;
      }
      into.bytesIn += row.bytesIn;
      into.bytesOut += row.bytesOut;
      into.packetsIn += row.packetsIn;
      into.packetsOut += row.packetsOut;
      into.name = row.name ?? into.name;
    }
  }
  const rows = [...merged.values()]
    .map((row) => ({ ...row, name: row.name ?? names.get(row.address) ?? null }))
    .sort((a, b) => talkerBytes(b) - talkerBytes(a) || a.address.localeCompare(b.address))
    .slice(0, limit);
  const others = { ...total };
  for (const row of rows) {
    others.bytes -= talkerBytes(row);
    others.packets -= talkerPackets(row);
  }
  return { others, rows, total };
}

/**
 * Local and remote talkers of the window, busiest `limit` each; names the agent did not put on a
 * row come from the DNS answers learned so far.
 */
export function mergeTalkers(
  reports: readonly StatsReport[],
  names: ReadonlyMap<string, string>,
  limit: number,
): TalkersView {
  const local = reports.map((r) => ({ other: r.talkers.localOther, rows: r.talkers.local }));
  const remote = reports.map((r) => ({ other: r.talkers.remoteOther, rows: r.talkers.remote }));
  return { local: mergeSide(local, names, limit), remote: mergeSide(remote, names, limit) };
}
