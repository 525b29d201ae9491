// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { readU16, readU32 } from './bytes';
import type { FlowTuple, FrameInfo } from './frame-info';
import { decodeTransport } from './transport';
import {
  REASON_BAD_EXTENSION_HEADER,
  REASON_BAD_VERSION,
  REASON_NONE,
  REASON_TRUNCATED,
} from './undecodable-reason';

const NH_HOP_BY_HOP = 0;
const NH_ROUTING = 43;
const NH_FRAGMENT = 44;
const NH_AH = 51;
const NH_DEST_OPTS = 60;
// A longer chain of extension headers is treated as malformed rather than walked forever.
const MAX_EXTENSION_HEADERS = 8;

/**
 * Decodes the IPv6 header and its extension headers at `off` into `t`, then its transport.
 * ESP, No Next Header and the mobility header end the walk as the transport protocol.
 */
export function decodeIpv6(
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
  t: FlowTuple,
  inner: boolean,
): number {
  if (!inner) out.l3Offset = off;
  if (off + 40 > len) return REASON_TRUNCATED;
  if (buf[off] >>> 4 !== 6) return REASON_BAD_VERSION;
  const payloadLength = readU16(buf, off + 4);
  // 0 is a jumbogram: the length is in a hop-by-hop option; take the captured bytes.
  const end = payloadLength === 0 ? len : off + 40 + payloadLength;
  if (!inner) out.ipLength = payloadLength === 0 ? 0 : 40 + payloadLength;
  t.ipVersion = 6;
  for (let w = 0; w < 4; w++) {
    t.src[w] = readU32(buf, off + 8 + 4 * w);
    t.dst[w] = readU32(buf, off + 24 + 4 * w);
  }
  let next = buf[off + 6];
  let pos = off + 40;
  for (let i = 0; i < MAX_EXTENSION_HEADERS; i++) {
    let headerLength: number;
    switch (next) {
      case NH_HOP_BY_HOP:
      case NH_ROUTING:
      case NH_DEST_OPTS:
        if (pos + 2 > len) return REASON_TRUNCATED;
        headerLength = (buf[pos + 1] + 1) << 3;
        break;
      case NH_AH:
        if (pos + 2 > len) return REASON_TRUNCATED;
        headerLength = (buf[pos + 1] + 2) << 2;
        break;
      case NH_FRAGMENT:
        if (pos + 8 > len) return REASON_TRUNCATED;
        // A non-first fragment: the transport is known, its header is in an earlier packet.
        if ((readU16(buf, pos + 2) & 0xfff8) !== 0) {
          t.ipProto = buf[pos];
          if (!inner) out.fragment = true;
          return REASON_NONE;
        }
        headerLength = 8;
        break;
      default:
        t.ipProto = next;
        return decodeTransport(next, buf, len, pos, end, out, t, inner);
    }
    next = buf[pos];
    pos += headerLength;
    if (pos > end) return REASON_BAD_EXTENSION_HEADER;
    if (pos > len) return REASON_TRUNCATED;
  }
  return REASON_BAD_EXTENSION_HEADER;
}
