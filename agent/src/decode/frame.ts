// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { decodeCommonEthernet } from './common-frame';
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
  if (linkType === LINKTYPE_ETHERNET && decodeCommonEthernet(buf, 0, n, out)) return;
  finish(decodeLink(linkType, buf, 0, n, out), out);
}

/**
 * Decodes the frame of `caplen` bytes at `offset` in `buf` (a batch buffer holding many), so no
 * per-packet view is made. Offsets written to `out` (l3Offset, payloadOffset) are positions in
 * `buf`. Never reads outside `[offset, min(offset + caplen, buf.length))`.
 */
export function decodeAt(
  linkType: number,
  buf: Buffer,
  offset: number,
  caplen: number,
  out: FrameInfo,
): void {
  out.reset();
  // A negative or NaN length or offset (a caller's bug) decodes as an empty frame.
  const start = offset > 0 ? offset : 0;
  const end = caplen > 0 ? start + caplen : start;
  const stop = end < buf.length ? end : buf.length;
  if (linkType === LINKTYPE_ETHERNET && decodeCommonEthernet(buf, start, stop, out)) return;
  finish(decodeLink(linkType, buf, start, stop, out), out);
}

/** decodeFrame without the common-case shortcut: the reference the shortcut is tested against. */
export function decodeFrameGeneral(
  linkType: number,
  buf: Buffer,
  len: number,
  out: FrameInfo,
): void {
  out.reset();
  const n = len > 0 ? (len < buf.length ? len : buf.length) : 0;
  finish(decodeLink(linkType, buf, 0, n, out), out);
}

function finish(reason: number, out: FrameInfo): void {
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

// `len` is the end of the frame in `buf` (exclusive), `off` its start.
function decodeLink(
  linkType: number,
  buf: Buffer,
  off: number,
  len: number,
  out: FrameInfo,
): number {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return decodeEthernet(buf, len, off, out, out.outer, false);
    case LINKTYPE_LINUX_SLL:
      return decodeLinuxSll(buf, len, off, out);
    case LINKTYPE_LINUX_SLL2:
      return decodeLinuxSll2(buf, len, off, out);
    case LINKTYPE_RAW:
      return decodeBareIp(buf, len, off, out);
    case LINKTYPE_IPV4:
      return decodeIpv4(buf, len, off, out, out.outer, false);
    case LINKTYPE_IPV6:
      return decodeIpv6(buf, len, off, out, out.outer, false);
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP:
      return decodeNull(buf, len, off, out);
    default:
      return REASON_UNSUPPORTED_LINK_TYPE;
  }
}

// The family is a 4-byte word in the capturing host's byte order (network order for LOOP), so
// read whichever end is set.
function decodeNull(buf: Buffer, len: number, off: number, out: FrameInfo): number {
  if (off + 4 > len) return REASON_TRUNCATED;
  const family = buf[off] !== 0 ? buf[off] : buf[off + 3];
  switch (family) {
    case AF_INET:
      return decodeIpv4(buf, len, off + 4, out, out.outer, false);
    case AF_INET6_LINUX:
    case AF_INET6_BSD:
    case AF_INET6_FREEBSD:
    case AF_INET6_DARWIN:
      return decodeIpv6(buf, len, off + 4, out, out.outer, false);
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
