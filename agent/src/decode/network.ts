// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { readU16, readU32 } from './bytes';
import type { FlowTuple, FrameInfo } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { SLOT_ARP } from './transport-slot';
import { REASON_BAD_VERSION, REASON_NONE, REASON_TRUNCATED } from './undecodable-reason';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_RARP = 0x8035;
export const ETHERTYPE_IPV6 = 0x86dd;
const ARP_FIXED = 8;

/**
 * Dispatches on the EtherType of the payload starting at `off`. Other EtherTypes (and 802.3
 * lengths: LLC, STP) are decodable, just not IP: they count as transport `other`.
 */
export function decodeNetwork(
  etherType: number,
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
  t: FlowTuple,
  inner: boolean,
): number {
  switch (etherType) {
    case ETHERTYPE_IPV4:
      return decodeIpv4(buf, len, off, out, t, inner);
    case ETHERTYPE_IPV6:
      return decodeIpv6(buf, len, off, out, t, inner);
    case ETHERTYPE_ARP:
    case ETHERTYPE_RARP:
      return decodeArp(buf, len, off, out, inner);
    default:
      return REASON_NONE;
  }
}

/** Picks IPv4 or IPv6 from the version nibble, for link types that carry bare IP. */
export function decodeBareIp(buf: Buffer, len: number, off: number, out: FrameInfo): number {
  if (off >= len) return REASON_TRUNCATED;
  const version = buf[off] >>> 4;
  if (version === 4) return decodeIpv4(buf, len, off, out, out.outer, false);
  if (version === 6) return decodeIpv6(buf, len, off, out, out.outer, false);
  return REASON_BAD_VERSION;
}

// ARP / RARP: opcode, and the sender / target protocol addresses when they are IPv4.
function decodeArp(buf: Buffer, len: number, off: number, out: FrameInfo, inner: boolean): number {
  if (off + ARP_FIXED > len) return REASON_TRUNCATED;
  const hardwareLength = buf[off + 4];
  const protocolLength = buf[off + 5];
  if (off + ARP_FIXED + 2 * (hardwareLength + protocolLength) > len) return REASON_TRUNCATED;
  if (inner) return REASON_NONE;
  out.slot = SLOT_ARP;
  out.arpOp = readU16(buf, off + 6);
  if (readU16(buf, off + 2) === ETHERTYPE_IPV4 && protocolLength === 4) {
    const sender = off + ARP_FIXED + hardwareLength;
    out.outer.src[0] = readU32(buf, sender);
    out.outer.dst[0] = readU32(buf, sender + 4 + hardwareLength);
  }
  return REASON_NONE;
}
