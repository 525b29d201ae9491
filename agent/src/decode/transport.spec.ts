import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import {
  espHeader,
  icmpEcho,
  ipv4,
  ipv6,
  sctpHeader,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_SYN,
  tcpHeader,
  udpHeader,
} from './testdata/frames';
import { decodeTransport } from './transport';
import {
  SLOT_ESP,
  SLOT_ICMP,
  SLOT_ICMPV6,
  SLOT_SCTP,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
} from './transport-slot';
import {
  REASON_BAD_HEADER_LENGTH,
  REASON_BAD_TOTAL_LENGTH,
  REASON_NONE,
  REASON_TRUNCATED,
} from './undecodable-reason';

describe(decodeTransport.name, () => {
  const out = new FrameInfo();
  const decode = (bytes: number[], len = bytes.length) => {
    decodeFrame(101, Buffer.from(bytes), len, out);
    return out.slot;
  };

  it('reads TCP ports, flags and the payload after the options', () => {
    const flags = TCP_SYN | TCP_ACK;
    expect(decode(ipv4(6, tcpHeader(7, { dstPort: 22, flags, optionWords: 3 })))).toBe(SLOT_TCP);
    expect(out.outer.srcPort).toBe(12345);
    expect(out.outer.dstPort).toBe(22);
    expect(out.outer.tcpFlags).toBe(flags);
    expect(out.outer.payloadOffset).toBe(20 + 32);
    expect(out.outer.payloadLength).toBe(7);

    decode(ipv6(6, tcpHeader(0, { flags: TCP_FIN | TCP_PSH | TCP_ACK })));
    expect(out.outer.tcpFlags).toBe(0x19);
    expect(out.outer.payloadLength).toBe(0);
  });

  it('counts a TCP header whose options are cut by the snap length, with no payload', () => {
    const packet = ipv4(6, tcpHeader(100, { optionWords: 5 }));

    expect(decode(packet, 20 + 30)).toBe(SLOT_TCP);
    expect(out.outer.payloadOffset).toBe(50);
    expect(out.outer.payloadLength).toBe(0);
    expect(decode(packet, 20 + 13)).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });

  it('rejects an impossible TCP data offset', () => {
    const short = ipv4(6, tcpHeader());
    short[20 + 12] = 0x40;
    expect(decode(short)).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_BAD_HEADER_LENGTH);
    short[20 + 12] = 0xf0;
    decode(short);
    expect(out.reason).toBe(REASON_BAD_HEADER_LENGTH);
  });

  it('reads UDP ports and bounds the payload by the UDP length', () => {
    const packet = ipv4(17, udpHeader(10, 40000, 123));
    packet[20 + 5] = 8 + 4;

    expect(decode(packet)).toBe(SLOT_UDP);
    expect(out.outer.srcPort).toBe(40000);
    expect(out.outer.dstPort).toBe(123);
    expect(out.outer.payloadOffset).toBe(28);
    expect(out.outer.payloadLength).toBe(4);
  });

  it('reads ICMP and ICMPv6 type and code', () => {
    expect(decode(ipv4(1, [3, 3, 0, 0, 0, 0, 0, 0, 0x45]))).toBe(SLOT_ICMP);
    expect(out.outer.icmpType).toBe(3);
    expect(out.outer.icmpCode).toBe(3);
    expect(out.outer.srcPort).toBe(-1);
    expect(decode(ipv6(58, icmpEcho(129)))).toBe(SLOT_ICMPV6);
    expect(out.outer.icmpType).toBe(129);
    expect(out.outer.payloadOffset).toBe(48);
  });

  it('reads SCTP ports and ESP without ports', () => {
    expect(decode(ipv4(132, sctpHeader(3868, 3869)))).toBe(SLOT_SCTP);
    expect(out.outer.srcPort).toBe(3868);
    expect(out.outer.dstPort).toBe(3869);
    expect(out.outer.payloadOffset).toBe(32);
    expect(decode(ipv6(50, espHeader()))).toBe(SLOT_ESP);
    expect(out.outer.srcPort).toBe(-1);
    expect(out.outer.payloadLength).toBe(4);
  });

  it('returns truncated when a transport header is cut by the capture', () => {
    const cases: [number, number[]][] = [
      [17, udpHeader()],
      [1, icmpEcho()],
      [132, sctpHeader()],
      [50, espHeader()],
      [47, [0, 0, 8, 0]],
    ];
    for (const [protocol, body] of cases) {
      decode(ipv4(protocol, body), 20 + 3);
      expect(out.reason).withContext(`protocol ${protocol}`).toBe(REASON_TRUNCATED);
    }
  });

  it('returns bad-total-length when the datagram is too short for its transport header', () => {
    decode(ipv4(132, sctpHeader(), { totalLength: 28 }));
    expect(out.reason).toBe(REASON_BAD_TOTAL_LENGTH);
    decode(ipv4(132, sctpHeader()));
    expect(out.reason).toBe(REASON_NONE);
  });
});
