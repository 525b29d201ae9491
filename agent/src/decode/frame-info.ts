// Hot path: one FrameInfo is reused for every packet; reset() and the decoders never allocate.
import { SLOT_UNDECODABLE } from './transport-slot';
import { REASON_NONE } from './undecodable-reason';

export const TUNNEL_NONE = 0;
export const TUNNEL_VXLAN = 1;
export const TUNNEL_GRE = 2;

// One IP conversation endpoint pair as the decoder saw it. Addresses are kept as numbers:
// IPv4 in word 0 (words 1-3 zero), IPv6 as four big-endian 32-bit words. Allocated once per
// FrameInfo and overwritten per packet.
export class FlowTuple {
  dst = new Uint32Array(4);
  dstPort = -1;
  // IP protocol number of the transport (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, 132 SCTP, 47 GRE, 50 ESP),
  // past IPv6 extension headers and AH.
  ipProto = -1;
  // 4 or 6; 0 when the frame carries no IP.
  ipVersion = 0;
  // Transport payload inside the captured buffer, for classification; -1 / 0 when absent. Always
  // within the captured bytes and the IP datagram (snapped or padded frames are clamped).
  payloadLength = 0;
  payloadOffset = -1;
  src = new Uint32Array(4);
  srcPort = -1;
  // TCP flag byte (FIN 0x01 … CWR 0x80); 0 for other transports.
  tcpFlags = 0;
  // ICMP / ICMPv6 type and code, -1 otherwise.
  icmpCode = -1;
  icmpType = -1;

  // Index writes, not fill(): this runs for every packet and fill() costs several times more.
  reset(): void {
    const dst = this.dst;
    const src = this.src;
    dst[0] = dst[1] = dst[2] = dst[3] = 0;
    src[0] = src[1] = src[2] = src[3] = 0;
    this.dstPort = -1;
    this.ipProto = -1;
    this.ipVersion = 0;
    this.payloadLength = 0;
    this.payloadOffset = -1;
    this.srcPort = -1;
    this.tcpFlags = 0;
    this.icmpCode = -1;
    this.icmpType = -1;
  }
}

// One instance is reused for every packet; decoders overwrite its fields, never allocate.
export class FrameInfo {
  // ARP opcode (1 request, 2 reply), 0 otherwise; ARP sender/target IPv4 go in outer.src/dst.
  arpOp = 0;
  // A non-first IP fragment: transport known from the IP header, no ports or payload.
  fragment = false;
  // Inner packet of a VXLAN or GRE tunnel, valid when tunnel !== TUNNEL_NONE (only set when the
  // inner packet decoded; ipVersion 0 when the inner Ethernet frame is not IP, e.g. ARP).
  readonly inner = new FlowTuple();
  // Set by the tunnel decoder before it writes `inner`, so reset() skips it for plain packets.
  innerDirty = false;
  // IP datagram length from its header (0 = unknown), to recover the wire size of snapped frames.
  ipLength = 0;
  // Offset of the (outer) IP header, or -1 when the frame carries no IP.
  l3Offset = -1;
  readonly outer = new FlowTuple();
  // Why the frame is undecodable (see undecodable-reason.ts); REASON_NONE when decoded.
  reason = REASON_NONE;
  // Transport slot of the outer packet (transport-slot.ts).
  slot = SLOT_UNDECODABLE;
  tunnel = TUNNEL_NONE;
  // VLAN id of the outermost 802.1Q / 802.1ad tag, -1 when untagged.
  vlanId = -1;

  reset(): void {
    this.arpOp = 0;
    this.fragment = false;
    if (this.innerDirty) {
      this.inner.reset();
      this.innerDirty = false;
    }
    this.ipLength = 0;
    this.l3Offset = -1;
    this.outer.reset();
    this.reason = REASON_NONE;
    this.slot = SLOT_UNDECODABLE;
    this.tunnel = TUNNEL_NONE;
    this.vlanId = -1;
  }
}
