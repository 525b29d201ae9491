// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import type { FrameInfo } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { SLOT_ARP, SLOT_OTHER, SLOT_UNDECODABLE } from './transport-slot';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV6 = 0x86dd;
// Smallest ARP body: Ethernet/IPv4 sizes are 28 bytes; shorter cannot be an ARP packet.
const ARP_MIN_LENGTH = 28;

/** Dispatches on the EtherType of the payload starting at `off`. */
export function decodeNetwork(
  etherType: number,
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
): void {
  switch (etherType) {
    case ETHERTYPE_IPV4:
      decodeIpv4(buf, len, off, out);
      return;
    case ETHERTYPE_IPV6:
      decodeIpv6(buf, len, off, out);
      return;
    case ETHERTYPE_ARP:
      out.slot = len - off >= ARP_MIN_LENGTH ? SLOT_ARP : SLOT_UNDECODABLE;
      return;
    default:
      // Values up to 1500 are 802.3 lengths (LLC, STP): decodable, just not IP.
      out.slot = off <= len ? SLOT_OTHER : SLOT_UNDECODABLE;
  }
}

/** Picks IPv4 or IPv6 from the version nibble, for link types that carry bare IP. */
export function decodeBareIp(buf: Buffer, len: number, off: number, out: FrameInfo): void {
  if (off >= len) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  const version = buf[off] >>> 4;
  if (version === 4) decodeIpv4(buf, len, off, out);
  else if (version === 6) decodeIpv6(buf, len, off, out);
  else out.slot = SLOT_UNDECODABLE;
}
