// Hot path: written for speed on purpose (no allocation, plain int math on the Buffer).
import {
  SLOT_ICMP,
  SLOT_ICMPV6,
  SLOT_OTHER,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
} from './transport-slot';

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_ICMPV6 = 58;

/**
 * Maps an IP protocol number to a slot. `off` is where the transport header starts; when
 * `hasHeader` is false (a non-first fragment) the header is not in this packet and is not checked.
 */
export function transportSlot(
  protocol: number,
  buf: Buffer,
  len: number,
  off: number,
  hasHeader: boolean,
): number {
  const avail = len - off;
  switch (protocol) {
    case IPPROTO_TCP:
      if (!hasHeader) return SLOT_TCP;
      // Data offset below 5 words or beyond the captured bytes is a malformed segment.
      if (avail < 20) return SLOT_UNDECODABLE;
      {
        const dataOffset = (buf[off + 12] >>> 4) << 2;
        return dataOffset < 20 || dataOffset > avail ? SLOT_UNDECODABLE : SLOT_TCP;
      }
    case IPPROTO_UDP:
      return !hasHeader || avail >= 8 ? SLOT_UDP : SLOT_UNDECODABLE;
    case IPPROTO_ICMP:
      return !hasHeader || avail >= 8 ? SLOT_ICMP : SLOT_UNDECODABLE;
    case IPPROTO_ICMPV6:
      return !hasHeader || avail >= 4 ? SLOT_ICMPV6 : SLOT_UNDECODABLE;
    default:
      return SLOT_OTHER;
  }
}
