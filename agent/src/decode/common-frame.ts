// Hot path: the shape nearly every captured frame has (untagged Ethernet, IPv4 without
// fragmentation, TCP or UDP) decoded in one function, without the general decoder's chain of
// calls. It checks everything before it writes anything, so on `false` the caller runs the
// general decoder on an untouched FrameInfo; on `true` the result is the general decoder's.
import { readU16, readU32 } from './bytes';
import type { FrameInfo } from './frame-info';
import { SLOT_TCP, SLOT_UDP } from './transport-slot';
import { VXLAN_PORT } from './tunnel';

const ETHERTYPE_IPV4 = 0x0800;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;

/** Decodes the Ethernet frame in `buf` [off, end) when it is the common case; false otherwise. */
export function decodeCommonEthernet(
  buf: Buffer,
  off: number,
  end: number,
  out: FrameInfo,
): boolean {
  const ip = off + 14;
  if (ip + 20 > end || readU16(buf, off + 12) !== ETHERTYPE_IPV4) return false;
  const b0 = buf[ip];
  const headerLength = (b0 & 0x0f) << 2;
  if (b0 >>> 4 !== 4 || headerLength < 20 || ip + headerLength > end) return false;
  const totalLength = readU16(buf, ip + 2);
  // 0 (segmentation offload), options past the datagram, fragments: the general decoder.
  if (totalLength < headerLength || (readU16(buf, ip + 6) & 0x1fff) !== 0) return false;
  const protocol = buf[ip + 9];
  const datagramEnd = ip + totalLength;
  const limit = datagramEnd < end ? datagramEnd : end;
  const tp = ip + headerLength;
  let payload: number;
  let payloadEnd = limit;
  if (protocol === IPPROTO_TCP) {
    if (tp + 20 > limit) return false;
    const dataOffset = (buf[tp + 12] >>> 4) << 2;
    if (dataOffset < 20 || tp + dataOffset > datagramEnd) return false;
    payload = tp + dataOffset;
  } else if (protocol === IPPROTO_UDP) {
    if (tp + 8 > limit || readU16(buf, tp + 2) === VXLAN_PORT) return false;
    const udpLength = readU16(buf, tp + 4);
    if (udpLength >= 8 && tp + udpLength < limit) payloadEnd = tp + udpLength;
    payload = tp + 8;
  } else {
    return false;
  }
  const t = out.outer;
  out.l3Offset = ip;
  out.ipLength = totalLength;
  out.slot = protocol === IPPROTO_TCP ? SLOT_TCP : SLOT_UDP;
  t.ipVersion = 4;
  t.ipProto = protocol;
  t.src[0] = readU32(buf, ip + 12);
  t.dst[0] = readU32(buf, ip + 16);
  t.srcPort = readU16(buf, tp);
  t.dstPort = readU16(buf, tp + 2);
  if (protocol === IPPROTO_TCP) t.tcpFlags = buf[tp + 13];
  if (payload >= payloadEnd) {
    t.payloadOffset = payloadEnd < payload ? payloadEnd : payload;
    t.payloadLength = 0;
  } else {
    t.payloadOffset = payload;
    t.payloadLength = payloadEnd - payload;
  }
  return true;
}
