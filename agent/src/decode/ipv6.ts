// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import type { FrameInfo } from './frame-info';
import { transportSlot } from './transport';
import { SLOT_OTHER, SLOT_UNDECODABLE } from './transport-slot';

const NH_HOP_BY_HOP = 0;
const NH_ROUTING = 43;
const NH_FRAGMENT = 44;
const NH_ESP = 50;
const NH_AH = 51;
const NH_NONE = 59;
const NH_DEST_OPTS = 60;
// A longer chain of extension headers is treated as malformed rather than walked forever.
const MAX_EXTENSION_HEADERS = 8;

/** Decodes the IPv6 header and its extension headers at `off`; writes the slot into `out`. */
export function decodeIpv6(buf: Buffer, len: number, off: number, out: FrameInfo): void {
  out.l3Offset = off;
  if (len - off < 40 || buf[off] >>> 4 !== 6) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  const payloadLength = (buf[off + 4] << 8) | buf[off + 5];
  // 0 is a jumbogram: length unknown from the fixed header.
  out.ipLength = payloadLength === 0 ? 0 : 40 + payloadLength;
  let next = buf[off + 6];
  let pos = off + 40;
  let hasHeader = true;
  for (let i = 0; i <= MAX_EXTENSION_HEADERS; i++) {
    switch (next) {
      case NH_HOP_BY_HOP:
      case NH_ROUTING:
      case NH_DEST_OPTS:
        if (len - pos < 8) break;
        next = buf[pos];
        pos += (buf[pos + 1] + 1) << 3;
        continue;
      case NH_AH:
        if (len - pos < 8) break;
        next = buf[pos];
        pos += (buf[pos + 1] + 2) << 2;
        continue;
      case NH_FRAGMENT:
        if (len - pos < 8) break;
        next = buf[pos];
        // Only the first fragment carries the upper-layer header.
        hasHeader = (((buf[pos + 2] << 8) | buf[pos + 3]) & 0xfff8) === 0;
        pos += 8;
        continue;
      case NH_ESP:
      case NH_NONE:
        out.slot = pos <= len ? SLOT_OTHER : SLOT_UNDECODABLE;
        return;
      default:
        out.slot = pos <= len ? transportSlot(next, buf, len, pos, hasHeader) : SLOT_UNDECODABLE;
        return;
    }
    // A `break` above means an extension header was cut off.
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  out.slot = SLOT_UNDECODABLE;
}
