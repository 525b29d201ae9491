import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import { decodeIpv6 } from './ipv6';
import {
  authHeader,
  icmpEcho,
  ipv6,
  ipv6Extension,
  ipv6Fragment,
  tcpHeader,
  udpHeader,
} from './testdata/frames';
import {
  SLOT_ESP,
  SLOT_ICMPV6,
  SLOT_OTHER,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
} from './transport-slot';
import {
  REASON_BAD_EXTENSION_HEADER,
  REASON_BAD_VERSION,
  REASON_TRUNCATED,
} from './undecodable-reason';

describe(decodeIpv6.name, () => {
  const out = new FrameInfo();
  // Raw IPv6 link type: the packet starts at offset 0.
  const decode = (bytes: number[], len = bytes.length) => {
    decodeFrame(229, Buffer.from(bytes), len, out);
    return out.slot;
  };

  it('classifies the transport after the fixed header and keeps the addresses as words', () => {
    expect(decode(ipv6(17, udpHeader()))).toBe(SLOT_UDP);
    expect(out.ipLength).toBe(40 + 12);
    expect(Array.from(out.outer.src)).toEqual([0x20010000, 0, 0, 1]);
    expect(Array.from(out.outer.dst)).toEqual([0x20010000, 0, 0, 2]);
    expect(decode(ipv6(58, icmpEcho(128)))).toBe(SLOT_ICMPV6);
    expect(out.outer.icmpType).toBe(128);
  });

  it('walks hop-by-hop, routing, destination-options and authentication headers', () => {
    const body = [
      ...ipv6Extension(43, 2),
      ...ipv6Extension(60),
      ...ipv6Extension(51),
      ...authHeader(6),
      ...tcpHeader(3),
    ];

    expect(decode(ipv6(0, body))).toBe(SLOT_TCP);
    expect(out.outer.ipProto).toBe(6);
    expect(out.outer.payloadOffset).toBe(40 + 16 + 8 + 8 + 12 + 20);
    expect(out.outer.payloadLength).toBe(3);
  });

  it('reads ports from a first fragment and only the protocol from a later one', () => {
    expect(decode(ipv6(44, [...ipv6Fragment(17, 0, true), ...udpHeader()]))).toBe(SLOT_UDP);
    expect(out.outer.dstPort).toBe(53);
    expect(out.fragment).toBeFalse();

    expect(decode(ipv6(44, [...ipv6Fragment(17, 1), 9, 9]))).toBe(SLOT_UDP);
    expect(out.fragment).toBeTrue();
    expect(out.outer.dstPort).toBe(-1);
  });

  it('ends the walk at ESP and No Next Header', () => {
    expect(decode(ipv6(50, [0, 0, 0, 1, 0, 0, 0, 1]))).toBe(SLOT_ESP);
    expect(decode(ipv6(0, ipv6Extension(59)))).toBe(SLOT_OTHER);
    expect(out.outer.ipProto).toBe(59);
  });

  it('names a cut extension header, one past the payload, or a chain that never ends', () => {
    expect(decode(ipv6(0, [6]))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
    expect(decode(ipv6(0, ipv6Extension(6, 4), 8))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_BAD_EXTENSION_HEADER);
    const endless = Array.from({ length: 12 }, () => ipv6Extension(60)).flat();
    expect(decode(ipv6(60, endless))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_BAD_EXTENSION_HEADER);
  });

  it('returns truncated for every cut inside the fixed header, bad version for IPv4 bytes', () => {
    const packet = ipv6(17, udpHeader());

    for (let len = 0; len < 48; len++) {
      expect(decode(packet, len)).withContext(`len ${len}`).toBe(SLOT_UNDECODABLE);
      expect(out.reason).withContext(`len ${len}`).toBe(REASON_TRUNCATED);
    }
    packet[0] = 0x45;
    decode(packet);
    expect(out.reason).toBe(REASON_BAD_VERSION);
  });
});
