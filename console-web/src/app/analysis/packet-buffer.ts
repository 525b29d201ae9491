import type { PacketSample } from '@nta/contracts';

/** A sampled packet with a stable id, so the table re-renders only new rows. */
export interface PacketRow extends PacketSample {
  id: number;
}

export const PACKET_ROWS_CAP = 500;

/** Newest first; the oldest rows fall off past `cap`. */
export function appendPackets(
  buffer: readonly PacketRow[],
  samples: readonly PacketSample[],
  firstId: number,
  cap = PACKET_ROWS_CAP,
): PacketRow[] {
  const added = samples.map((sample, i) => ({ ...sample, id: firstId + i })).reverse();
  return [...added, ...buffer].slice(0, cap);
}

/** Case-insensitive match on every column a user would type into the filter box. */
export function matchesFilter(row: PacketSample, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [row.src, row.dst, row.protocol, row.info, String(row.length)].some((field) =>
    field.toLowerCase().includes(needle),
  );
}
