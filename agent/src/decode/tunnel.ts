// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
// Tunnel payloads are decoded one level deep into out.inner; the outer packet keeps its own
// slot (udp for VXLAN, gre for GRE), so tunnelled traffic is counted once per transport and the
// inner flow is attributed on top.
import { readU16 } from './bytes';
import { decodeEthernet } from './ethernet';
import { type FrameInfo, TUNNEL_GRE, TUNNEL_NONE, TUNNEL_VXLAN } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { REASON_NONE } from './undecodable-reason';

export const VXLAN_PORT = 4789;
const VXLAN_HEADER = 8;
// VXLAN "I" flag: the VNI is valid.
const VXLAN_FLAG_VNI = 0x08;

const GRE_FLAG_CHECKSUM = 0x80;
const GRE_FLAG_ROUTING = 0x40;
const GRE_FLAG_KEY = 0x20;
const GRE_FLAG_SEQUENCE = 0x10;
// Enhanced GRE (version 1, PPTP) may carry an acknowledgment number.
const GRE_FLAG_ACK = 0x80;
const GRE_PROTO_IPV4 = 0x0800;
const GRE_PROTO_IPV6 = 0x86dd;
// Transparent Ethernet bridging (NVGRE, gretap).
const GRE_PROTO_TEB = 0x6558;

/**
 * Reads the GRE header at `off` (4 bytes known to be captured) and returns its length; for an
 * outer GRE carrying IPv4, IPv6 or Ethernet, decodes the inner packet into out.inner. Routed
 * (RFC 1701 source route) and other payloads (PPTP's PPP, ERSPAN, WCCP) are left undecoded.
 */
export function decodeGre(
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
  inner: boolean,
): number {
  const flags = buf[off];
  const version = buf[off + 1] & 0x07;
  let headerLength = 4;
  // RFC 1701: checksum and offset are both present when either C or R is set.
  if ((flags & (GRE_FLAG_CHECKSUM | GRE_FLAG_ROUTING)) !== 0) headerLength += 4;
  if ((flags & GRE_FLAG_KEY) !== 0) headerLength += 4;
  if ((flags & GRE_FLAG_SEQUENCE) !== 0) headerLength += 4;
  if (version === 1 && (buf[off + 1] & GRE_FLAG_ACK) !== 0) headerLength += 4;
  if (inner || version !== 0 || (flags & GRE_FLAG_ROUTING) !== 0) return headerLength;
  const payload = off + headerLength;
  if (payload >= len) return headerLength;
  out.innerDirty = true;
  let reason: number;
  switch (readU16(buf, off + 2)) {
    case GRE_PROTO_IPV4:
      reason = decodeIpv4(buf, len, payload, out, out.inner, true);
      break;
    case GRE_PROTO_IPV6:
      reason = decodeIpv6(buf, len, payload, out, out.inner, true);
      break;
    case GRE_PROTO_TEB:
      reason = decodeEthernet(buf, len, payload, out, out.inner, true);
      break;
    default:
      return headerLength;
  }
  setTunnel(out, TUNNEL_GRE, reason);
  return headerLength;
}

/** The VXLAN header at `off` (UDP payload ending at `len`), then the inner Ethernet frame. */
export function decodeVxlan(buf: Buffer, len: number, off: number, out: FrameInfo): void {
  if (off + VXLAN_HEADER > len || (buf[off] & VXLAN_FLAG_VNI) === 0) return;
  out.innerDirty = true;
  const reason = decodeEthernet(buf, len, off + VXLAN_HEADER, out, out.inner, true);
  setTunnel(out, TUNNEL_VXLAN, reason);
}

// A malformed inner packet does not spoil the outer one: it is just not attributed.
function setTunnel(out: FrameInfo, tunnel: number, reason: number): void {
  if (reason === REASON_NONE) {
    out.tunnel = tunnel;
  } else {
    out.tunnel = TUNNEL_NONE;
    out.inner.reset();
  }
}
