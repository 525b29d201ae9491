// Hot path: written for speed on purpose (no allocation, plain int math on the Buffer).
import { readU16 } from './bytes';
import type { FlowTuple, FrameInfo } from './frame-info';
import { decodeGre, decodeVxlan, VXLAN_PORT } from './tunnel';
import {
  REASON_BAD_HEADER_LENGTH,
  REASON_BAD_TOTAL_LENGTH,
  REASON_NONE,
  REASON_TRUNCATED,
} from './undecodable-reason';

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_GRE = 47;
export const IPPROTO_ESP = 50;
export const IPPROTO_AH = 51;
export const IPPROTO_ICMPV6 = 58;
export const IPPROTO_SCTP = 132;

// Bytes each transport needs before it counts as decoded: TCP up to the flags byte (so options
// cut by the snap length still count), UDP / SCTP common headers, ICMP type-code-checksum,
// ESP SPI + sequence, the GRE base header.
const TCP_NEEDED = 14;
const TCP_MIN_HEADER = 20;
const UDP_HEADER = 8;
const ICMP_NEEDED = 4;
const ICMP_HEADER = 8;
const SCTP_HEADER = 12;
const ESP_HEADER = 8;
const GRE_HEADER = 4;

/**
 * Decodes the transport header of `protocol` at `off` into `t`. `end` is where the IP datagram
 * says it ends (it may lie past the captured `len`); the payload is clamped to both.
 */
export function decodeTransport(
  protocol: number,
  buf: Buffer,
  len: number,
  off: number,
  end: number,
  out: FrameInfo,
  t: FlowTuple,
  inner: boolean,
): number {
  t.ipProto = protocol;
  const limit = end < len ? end : len;
  switch (protocol) {
    case IPPROTO_TCP: {
      const reason = need(off, TCP_NEEDED, len, end);
      if (reason !== REASON_NONE) return reason;
      const dataOffset = (buf[off + 12] >>> 4) << 2;
      if (dataOffset < TCP_MIN_HEADER || off + dataOffset > end) return REASON_BAD_HEADER_LENGTH;
      t.srcPort = readU16(buf, off);
      t.dstPort = readU16(buf, off + 2);
      t.tcpFlags = buf[off + 13];
      setPayload(t, off + dataOffset, limit);
      return REASON_NONE;
    }
    case IPPROTO_UDP: {
      const reason = need(off, UDP_HEADER, len, end);
      if (reason !== REASON_NONE) return reason;
      t.srcPort = readU16(buf, off);
      t.dstPort = readU16(buf, off + 2);
      // Trust the UDP length only when it is plausible (0 is legal in IPv6 jumbograms).
      const udpLength = readU16(buf, off + 4);
      const udpEnd = udpLength >= UDP_HEADER && off + udpLength < limit ? off + udpLength : limit;
      setPayload(t, off + UDP_HEADER, udpEnd);
      if (t.dstPort === VXLAN_PORT && !inner) decodeVxlan(buf, udpEnd, off + UDP_HEADER, out);
      return REASON_NONE;
    }
    case IPPROTO_ICMP:
    case IPPROTO_ICMPV6: {
      const reason = need(off, ICMP_NEEDED, len, end);
      if (reason !== REASON_NONE) return reason;
      t.icmpType = buf[off];
      t.icmpCode = buf[off + 1];
      setPayload(t, off + ICMP_HEADER, limit);
      return REASON_NONE;
    }
    case IPPROTO_SCTP: {
      const reason = need(off, SCTP_HEADER, len, end);
      if (reason !== REASON_NONE) return reason;
      t.srcPort = readU16(buf, off);
      t.dstPort = readU16(buf, off + 2);
      setPayload(t, off + SCTP_HEADER, limit);
      return REASON_NONE;
    }
    case IPPROTO_ESP: {
      const reason = need(off, ESP_HEADER, len, end);
      if (reason !== REASON_NONE) return reason;
      setPayload(t, off + ESP_HEADER, limit);
      return REASON_NONE;
    }
    case IPPROTO_GRE: {
      const reason = need(off, GRE_HEADER, len, end);
      if (reason !== REASON_NONE) return reason;
      const headerLength = decodeGre(buf, limit, off, out, inner);
      setPayload(t, off + headerLength, limit);
      return REASON_NONE;
    }
    default:
      setPayload(t, off, limit);
      return REASON_NONE;
  }
}

// A header longer than the datagram is malformed; one longer than the capture is truncated.
function need(off: number, size: number, len: number, end: number): number {
  if (off + size > end) return REASON_BAD_TOTAL_LENGTH;
  return off + size > len ? REASON_TRUNCATED : REASON_NONE;
}

function setPayload(t: FlowTuple, start: number, limit: number): void {
  if (start >= limit) {
    t.payloadOffset = limit < start ? limit : start;
    t.payloadLength = 0;
  } else {
    t.payloadOffset = start;
    t.payloadLength = limit - start;
  }
}
