// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { decodeEthernet } from './ethernet';
import type { FrameInfo } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import {
  LINKTYPE_ETHERNET,
  LINKTYPE_IPV4,
  LINKTYPE_IPV6,
  LINKTYPE_LINUX_SLL,
  LINKTYPE_LINUX_SLL2,
  LINKTYPE_LOOP,
  LINKTYPE_NULL,
  LINKTYPE_RAW,
} from './link-type';
import { decodeLinuxSll, decodeLinuxSll2 } from './linux-cooked';
import { decodeBareIp } from './network';
import { SLOT_OTHER, SLOT_UNDECODABLE, slotOfIpProto } from './transport-slot';
import {
  REASON_NONE,
  REASON_TRUNCATED,
  REASON_UNSUPPORTED_ADDRESS_FAMILY,
  REASON_UNSUPPORTED_LINK_TYPE,
} from './undecodable-reason';

// BSD loopback address families: AF_INET is 2 everywhere, AF_INET6 differs per OS.
const AF_INET = 2;
const AF_INET6_LINUX = 10;
const AF_INET6_BSD = 24;
const AF_INET6_FREEBSD = 28;
const AF_INET6_DARWIN = 30;

/**
 * Decodes one captured frame into `out` (reset first). Never throws and never reads past
 * `min(len, buf.length)`: a short or malformed frame ends as SLOT_UNDECODABLE with a reason.
 */
export function decodeFrame(linkType: number, buf: Buffer, len: number, out: FrameInfo): void {
  out.reset();
  // A negative or NaN length (a caller's bug) decodes as an empty frame.
  const n = len > 0 ? (len < buf.length ? len : buf.length) : 0;
  const reason = decodeLink(linkType, buf, n, out);
  if (reason !== REASON_NONE) {
    out.reason = reason;
    out.slot = SLOT_UNDECODABLE;
  } else if (out.outer.ipProto >= 0) {
    out.slot = slotOfIpProto(out.outer.ipProto);
  } else if (out.slot === SLOT_UNDECODABLE) {
    // Decoded but not IP or ARP: LLC, STP, LLDP and the like.
    out.slot = SLOT_OTHER;
  }
}

function decodeLink(linkType: number, buf: Buffer, len: number, out: FrameInfo): number {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return decodeEthernet(buf, len, 0, out, out.outer, false);
    case LINKTYPE_LINUX_SLL:
      return decodeLinuxSll(buf, len, out);
    case LINKTYPE_LINUX_SLL2:
      return decodeLinuxSll2(buf, len, out);
    case LINKTYPE_RAW:
      return decodeBareIp(buf, len, 0, out);
    case LINKTYPE_IPV4:
      return decodeIpv4(buf, len, 0, out, out.outer, false);
    case LINKTYPE_IPV6:
      return decodeIpv6(buf, len, 0, out, out.outer, false);
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP:
      return decodeNull(buf, len, out);
    default:
      return REASON_UNSUPPORTED_LINK_TYPE;
  }
}

// The family is a 4-byte word in the capturing host's byte order (network order for LOOP), so
// read whichever end is set.
function decodeNull(buf: Buffer, len: number, out: FrameInfo): number {
  if (len < 4) return REASON_TRUNCATED;
  const family = buf[0] !== 0 ? buf[0] : buf[3];
  switch (family) {
    case AF_INET:
      return decodeIpv4(buf, len, 4, out, out.outer, false);
    case AF_INET6_LINUX:
    case AF_INET6_BSD:
    case AF_INET6_FREEBSD:
    case AF_INET6_DARWIN:
      return decodeIpv6(buf, len, 4, out, out.outer, false);
    default:
      return REASON_UNSUPPORTED_ADDRESS_FAMILY;
  }
}

/**
 * Bytes the frame had on the wire. `cap` only reports the captured length, so a frame cut at the
 * snap length (GSO on loopback) is sized from its IP header; shorter frames are taken as whole.
 */
export function wireLength(caplen: number, snapLength: number, out: FrameInfo): number {
  if (caplen < snapLength || out.l3Offset < 0 || out.ipLength === 0) return caplen;
  const fromIp = out.l3Offset + out.ipLength;
  return fromIp > caplen ? fromIp : caplen;
}
