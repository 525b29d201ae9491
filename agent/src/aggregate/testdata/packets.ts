// Hand-filled FrameInfo objects (what the decoder produces) for the analysis specs.
import { FrameInfo } from '../../decode/frame-info';
import { SLOT_ARP, SLOT_ICMP, SLOT_OTHER, SLOT_TCP, SLOT_UDP } from '../../decode/transport-slot';
import { parseAddress } from '../ip-address';

export interface PacketSpec {
  dst: string;
  dstPort?: number;
  flags?: number;
  icmpType?: number;
  payload?: Buffer | string;
  proto?: 'icmp' | 'tcp' | 'udp' | number;
  src: string;
  srcPort?: number;
}

export interface TestPacket {
  buf: Buffer;
  info: FrameInfo;
}

const PROTO = { icmp: 1, tcp: 6, udp: 17 } as const;
// Where the payload sits in the test buffer, as if after Ethernet + IPv4 + TCP headers.
const PAYLOAD_OFFSET = 54;

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

export function packet(spec: PacketSpec): TestPacket {
  const info = new FrameInfo();
  const src = parseAddress(spec.src);
  const dst = parseAddress(spec.dst);
  if (!src || !dst) throw new Error(`bad address in ${JSON.stringify(spec)}`);
  const proto = typeof spec.proto === 'number' ? spec.proto : PROTO[spec.proto ?? 'udp'];
  const payload =
    typeof spec.payload === 'string'
      ? Buffer.from(spec.payload, 'latin1')
      : (spec.payload ?? Buffer.alloc(0));
  const buf = Buffer.alloc(PAYLOAD_OFFSET + payload.length);
  payload.copy(buf, PAYLOAD_OFFSET);
  const t = info.outer;
  t.ipVersion = src.version;
  t.src.set(src.words);
  t.dst.set(dst.words);
  t.ipProto = proto;
  const hasPorts = proto === 6 || proto === 17;
  t.srcPort = hasPorts ? (spec.srcPort ?? 40000) : -1;
  t.dstPort = hasPorts ? (spec.dstPort ?? 80) : -1;
  t.tcpFlags = proto === 6 ? (spec.flags ?? TCP_ACK) : 0;
  t.icmpType = proto === 1 ? (spec.icmpType ?? 8) : -1;
  t.icmpCode = proto === 1 ? 0 : -1;
  t.payloadOffset = payload.length > 0 ? PAYLOAD_OFFSET : -1;
  t.payloadLength = payload.length;
  info.l3Offset = 14;
  info.ipLength = PAYLOAD_OFFSET - 14 + payload.length;
  info.slot =
    proto === 6 ? SLOT_TCP : proto === 17 ? SLOT_UDP : proto === 1 ? SLOT_ICMP : SLOT_OTHER;
  return { buf, info };
}

export function arpPacket(sender: string, target: string, op = 1): TestPacket {
  const info = new FrameInfo();
  info.slot = SLOT_ARP;
  info.arpOp = op;
  info.outer.src[0] = parseAddress(sender)?.words[0] ?? 0;
  info.outer.dst[0] = parseAddress(target)?.words[0] ?? 0;
  return { buf: Buffer.alloc(42), info };
}

/** A reversed copy: the reply direction of the same flow. */
export function reply(p: PacketSpec, extra: Partial<PacketSpec> = {}): PacketSpec {
  return { ...p, dst: p.src, dstPort: p.srcPort, src: p.dst, srcPort: p.dstPort, ...extra };
}
