import type { Counters, FlowRow, TopFlows } from '@nta/contracts';

const TCP_FLAG_ORDER = 'FSRPAUEC';

/** The flags present in any of the strings, in the agent's FSRPAUEC order. */
export function unionTcpFlags(flags: Iterable<string>): string {
  let all = '';
  for (const f of flags) all += f;
  return [...TCP_FLAG_ORDER].filter((letter) => all.includes(letter)).join('');
}

const flowBytes = (f: FlowRow) => f.bytesAtoB + f.bytesBtoA;
const flowPackets = (f: FlowRow) => f.packetsAtoB + f.packetsBtoA;

interface MergedFlow {
  // Bytes per application label: a flow classified late keeps its best-supported label.
  applicationBytes: Map<string, number>;
  row: FlowRow;
}

/**
 * Merges the agents' per-second top-flow rows (or partial sums of them) into one row per
 * (transport, a, aPort, b, bPort, tunnel), then cuts to a limit without losing bytes.
 */
export class FlowMerger {
  private readonly flows = new Map<string, MergedFlow>();
  private readonly other: Counters = { bytes: 0, packets: 0 };

  add(row: FlowRow): void {
    const key = JSON.stringify([row.transport, row.a, row.aPort, row.b, row.bPort, row.tunnel]);
    const seen = this.flows.get(key);
    if (!seen) {
      this.flows.set(key, {
        applicationBytes: new Map([[row.application, flowBytes(row)]]),
        row: { ...row, tcpFlags: unionTcpFlags([row.tcpFlags]) },
      });
      return;
    }
    const m = seen.row;
    m.bytesAtoB += row.bytesAtoB;
    m.bytesBtoA += row.bytesBtoA;
    m.packetsAtoB += row.packetsAtoB;
    m.packetsBtoA += row.packetsBtoA;
    m.firstSeen = Math.min(m.firstSeen, row.firstSeen);
    m.lastSeen = Math.max(m.lastSeen, row.lastSeen);
    m.tcpFlags = unionTcpFlags([m.tcpFlags, row.tcpFlags]);
    const apps = seen.applicationBytes;
    apps.set(row.application, (apps.get(row.application) ?? 0) + flowBytes(row));
  }

  addOther(counters: Counters): void {
    this.other.bytes += counters.bytes;
    this.other.packets += counters.packets;
  }

  /** The `limit` largest flows by bytes; outer flows cut by the limit go into `others`. */
  top(limit: number): TopFlows {
    const merged = [...this.flows.values()].map(({ applicationBytes, row }) => ({
      ...row,
      application: pickApplication(applicationBytes),
    }));
    merged.sort((x, y) => flowBytes(y) - flowBytes(x) || y.lastSeen - x.lastSeen);
    const others = { ...this.other };
    const totals = { ...this.other };
    merged.forEach((flow, i) => {
      // Inner tunnel rows repeat bytes the outer row already counts.
      if (flow.tunnel !== null) return;
      const into = i < limit ? [totals] : [totals, others];
      for (const c of into) {
        c.bytes += flowBytes(flow);
        c.packets += flowPackets(flow);
      }
    });
    return {
      flows: merged.slice(0, limit),
      omitted: Math.max(0, merged.length - limit),
      others,
      totals,
    };
  }
}

/** The label with the most bytes; 'unknown' only when nothing better was ever seen. */
function pickApplication(applicationBytes: Map<string, number>): string {
  let best = 'unknown';
  let bestBytes = -1;
  for (const [application, bytes] of applicationBytes) {
    if (application === 'unknown') continue;
    if (bytes > bestBytes) [best, bestBytes] = [application, bytes];
  }
  return best;
}
