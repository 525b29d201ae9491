// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { readU16, readU32 } from './bytes';
import type { FlowTuple, FrameInfo } from './frame-info';
import { decodeTransport, IPPROTO_AH } from './transport';
import {
  REASON_BAD_HEADER_LENGTH,
  REASON_BAD_TOTAL_LENGTH,
  REASON_BAD_VERSION,
  REASON_NONE,
  REASON_TRUNCATED,
} from './undecodable-reason';

// AH inside AH does not happen; two is already generous and keeps the walk bounded.
const MAX_AH_HEADERS = 2;

/**
 * Decodes the IPv4 header (with options) at `off` into `t`, then its transport. For the outer
 * packet (`inner` false) it also records the L3 offset, datagram length and fragment flag.
 */
export function decodeIpv4(
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
  t: FlowTuple,
  inner: boolean,
): number {
  if (!inner) out.l3Offset = off;
  if (off + 20 > len) return REASON_TRUNCATED;
  const b0 = buf[off];
  if (b0 >>> 4 !== 4) return REASON_BAD_VERSION;
  const headerLength = (b0 & 0x0f) << 2;
  if (headerLength < 20) return REASON_BAD_HEADER_LENGTH;
  const totalLength = readU16(buf, off + 2);
  // 0 is what hosts with TCP segmentation offload capture: the length is unknown, take the
  // captured bytes. It may also exceed them (snap length), but never fall short of the header.
  if (totalLength !== 0 && totalLength < headerLength) return REASON_BAD_TOTAL_LENGTH;
  if (off + headerLength > len) return REASON_TRUNCATED;
  const fragmentOffset = readU16(buf, off + 6) & 0x1fff;
  let protocol = buf[off + 9];
  t.ipVersion = 4;
  t.ipProto = protocol;
  t.src[0] = readU32(buf, off + 12);
  t.dst[0] = readU32(buf, off + 16);
  if (!inner) {
    out.ipLength = totalLength;
    out.fragment = fragmentOffset !== 0;
  }
  // Only the first fragment carries the transport header (and so the ports).
  if (fragmentOffset !== 0) return REASON_NONE;
  const end = totalLength === 0 ? len : off + totalLength;
  let pos = off + headerLength;
  // Authentication headers sit between IP and the transport, as IPv6 extension headers do.
  for (let i = 0; protocol === IPPROTO_AH && i < MAX_AH_HEADERS; i++) {
    if (pos + 2 > len) return REASON_TRUNCATED;
    protocol = buf[pos];
    pos += (buf[pos + 1] + 2) << 2;
    if (pos > end) return REASON_BAD_HEADER_LENGTH;
    if (pos > len) return REASON_TRUNCATED;
  }
  return decodeTransport(protocol, buf, len, pos, end, out, t, inner);
}
