import type { Counters, TalkerRow, TopTalkers } from '@nta/contracts';

export type TalkerSide = 'local' | 'remote';

const talkerBytes = (t: TalkerRow) => t.bytesIn + t.bytesOut;
const talkerPackets = (t: TalkerRow) => t.packetsIn + t.packetsOut;

/**
 * Merges per-second talker rows by address, per side, then cuts each side to a limit: rows cut
 * go into that side's other, so rows + other still add up to what the agents reported.
 */
export class TalkerMerger {
  private readonly rows: Record<TalkerSide, Map<string, TalkerRow>> = {
    local: new Map(),
    remote: new Map(),
  };
  private readonly other: Record<TalkerSide, Counters> = {
    local: { bytes: 0, packets: 0 },
    remote: { bytes: 0, packets: 0 },
  };

  /** Add rows oldest first: a later non-null name replaces an earlier one. */
  add(side: TalkerSide, row: TalkerRow): void {
    const seen = this.rows[side].get(row.address);
    if (!seen) {
      this.rows[side].set(row.address, { ...row });
      return;
    }
    seen.bytesIn += row.bytesIn;
    seen.bytesOut += row.bytesOut;
    seen.packetsIn += row.packetsIn;
    seen.packetsOut += row.packetsOut;
    seen.name = row.name ?? seen.name;
  }

  addOther(side: TalkerSide, counters: Counters): void {
    this.other[side].bytes += counters.bytes;
    this.other[side].packets += counters.packets;
  }

  /** Largest talkers by bytes; `names` fills in addresses no row named. */
  top(limit: number, names: ReadonlyMap<string, string> = new Map()): TopTalkers {
    const [local, localOther, localOmitted] = this.cut('local', limit, names);
    const [remote, remoteOther, remoteOmitted] = this.cut('remote', limit, names);
    return {
      local,
      localOther,
      omitted: { local: localOmitted, remote: remoteOmitted },
      remote,
      remoteOther,
    };
  }

  /** Addresses no row named, to look up among the names learned earlier. */
  unnamedAddresses(): string[] {
    return [...this.rows.local.values(), ...this.rows.remote.values()]
      .filter((t) => t.name === null)
      .map((t) => t.address);
  }

  private cut(
    side: TalkerSide,
    limit: number,
    names: ReadonlyMap<string, string>,
  ): [TalkerRow[], Counters, number] {
    const all = [...this.rows[side].values()].map((t) => ({
      ...t,
      name: t.name ?? names.get(t.address) ?? null,
    }));
    all.sort((x, y) => talkerBytes(y) - talkerBytes(x) || x.address.localeCompare(y.address));
    const other = { ...this.other[side] };
    for (const t of all.slice(limit)) {
      other.bytes += talkerBytes(t);
      other.packets += talkerPackets(t);
    }
    return [all.slice(0, limit), other, Math.max(0, all.length - limit)];
  }
}
