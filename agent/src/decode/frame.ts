// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { decodeEthernet } from './ethernet';
import type { FrameInfo } from './frame-info';
import {
  LINKTYPE_ETHERNET,
  LINKTYPE_IPV4,
  LINKTYPE_IPV6,
  LINKTYPE_LINUX_SLL,
  LINKTYPE_LINUX_SLL2,
  LINKTYPE_NULL,
  LINKTYPE_RAW,
} from './link-type';
import { decodeLinuxSll, decodeLinuxSll2 } from './linux-cooked';
import { decodeBareIp } from './network';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { SLOT_UNDECODABLE } from './transport-slot';

// BSD loopback address families: AF_INET is 2 everywhere, AF_INET6 differs per OS.
const AF_INET = 2;
const AF_INET6_LINUX = 10;
const AF_INET6_BSD = 24;
const AF_INET6_FREEBSD = 28;
const AF_INET6_DARWIN = 30;

/**
 * Classifies one captured frame into `out.slot`. Never throws and never reads past
 * `min(len, buf.length)`: a short or malformed frame ends as SLOT_UNDECODABLE.
 */
export function decodeFrame(linkType: number, buf: Buffer, len: number, out: FrameInfo): void {
  out.reset();
  const n = len < buf.length ? len : buf.length;
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      decodeEthernet(buf, n, out);
      return;
    case LINKTYPE_LINUX_SLL:
      decodeLinuxSll(buf, n, out);
      return;
    case LINKTYPE_LINUX_SLL2:
      decodeLinuxSll2(buf, n, out);
      return;
    case LINKTYPE_RAW:
      decodeBareIp(buf, n, 0, out);
      return;
    case LINKTYPE_IPV4:
      decodeIpv4(buf, n, 0, out);
      return;
    case LINKTYPE_IPV6:
      decodeIpv6(buf, n, 0, out);
      return;
    case LINKTYPE_NULL:
      decodeNull(buf, n, out);
      return;
    default:
      out.slot = SLOT_UNDECODABLE;
  }
}

// The family is a 4-byte word in the capturing host's byte order, so read whichever end is set.
function decodeNull(buf: Buffer, len: number, out: FrameInfo): void {
  if (len < 4) return;
  const family = buf[0] !== 0 ? buf[0] : buf[3];
  if (family === AF_INET) decodeIpv4(buf, len, 4, out);
  else if (
    family === AF_INET6_LINUX ||
    family === AF_INET6_BSD ||
    family === AF_INET6_FREEBSD ||
    family === AF_INET6_DARWIN
  ) {
    decodeIpv6(buf, len, 4, out);
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
