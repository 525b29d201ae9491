// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import type { FrameInfo } from './frame-info';
import { transportSlot } from './transport';
import { SLOT_UNDECODABLE } from './transport-slot';

/** Decodes the IPv4 header at `off`; writes the slot and datagram length into `out`. */
export function decodeIpv4(buf: Buffer, len: number, off: number, out: FrameInfo): void {
  out.l3Offset = off;
  if (len - off < 20) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  const b0 = buf[off];
  const headerLength = (b0 & 0x0f) << 2;
  const totalLength = (buf[off + 2] << 8) | buf[off + 3];
  // totalLength may exceed the captured bytes (snaplen, GSO) but never the header itself.
  if (
    b0 >>> 4 !== 4 ||
    headerLength < 20 ||
    off + headerLength > len ||
    totalLength < headerLength
  ) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  out.ipLength = totalLength;
  const fragmentOffset = ((buf[off + 6] & 0x1f) << 8) | buf[off + 7];
  out.slot = transportSlot(buf[off + 9], buf, len, off + headerLength, fragmentOffset === 0);
}
