import type { Counters, FlowRow, TunnelKind } from '@nta/contracts';
import { appName } from '../classify/app-id';
import { tcpFlagLetters } from '../classify/packet-info';
import { TUNNEL_GRE, TUNNEL_VXLAN } from '../decode/frame-info';
import {
  C_BYTES_AB,
  C_BYTES_BA,
  C_FIRST_SEEN,
  C_LAST_SEEN,
  C_PACKETS_AB,
  C_PACKETS_BA,
  FLOW_STRIDE,
  type FlowTable,
} from './flow-table';
import { formatAddress } from './ip-address';
import { TopN } from './top-n';

const TRANSPORT_BY_PROTO: Readonly<Record<number, string>> = {
  1: 'icmp',
  6: 'tcp',
  17: 'udp',
  47: 'gre',
  50: 'esp',
  58: 'icmpv6',
  132: 'sctp',
};

function tunnelKind(kind: number): TunnelKind | null {
  if (kind === TUNNEL_VXLAN) return 'vxlan';
  return kind === TUNNEL_GRE ? 'gre' : null;
}

/**
 * The interval's top flows by bytes, and flowsOther so that the non-tunnel rows plus flowsOther
 * equal the interval's IP traffic (evicted flows included).
 */
export function flowReport(flows: FlowTable, n: number): { flowsOther: Counters; rows: FlowRow[] } {
  const top = new TopN(n);
  const other = { bytes: flows.evictedOther.bytes, packets: flows.evictedOther.packets };
  const addOther = (e: number) => {
    if (flows.tunnel[e] !== 0) return;
    other.packets += flows.packets(e);
    other.bytes += flows.bytes(e);
  };
  for (let e = 0; e < flows.span; e++) {
    if (flows.live[e] === 0 || flows.packets(e) === 0) continue;
    const out = top.offer(e, flows.bytes(e));
    if (out >= 0) addOther(out);
  }
  return { flowsOther: other, rows: top.drain().map((e) => flowRow(flows, e)) };
}

export function flowRow(flows: FlowTable, e: number): FlowRow {
  const port = (p: number) => (p >= 0 ? p : null);
  const c = flows.counters;
  const at = e * FLOW_STRIDE;
  return {
    a: formatAddress(flows.addrA, e * 4, flows.version[e]),
    aPort: port(flows.portA[e]),
    application: appName(flows.app[e]),
    b: formatAddress(flows.addrB, e * 4, flows.version[e]),
    bPort: port(flows.portB[e]),
    bytesAtoB: c[at + C_BYTES_AB],
    bytesBtoA: c[at + C_BYTES_BA],
    firstSeen: c[at + C_FIRST_SEEN],
    lastSeen: c[at + C_LAST_SEEN],
    packetsAtoB: c[at + C_PACKETS_AB],
    packetsBtoA: c[at + C_PACKETS_BA],
    tcpFlags: tcpFlagLetters(flows.flags[e]),
    transport: TRANSPORT_BY_PROTO[flows.proto[e]] ?? 'other',
    tunnel: tunnelKind(flows.tunnel[e]),
  };
}
