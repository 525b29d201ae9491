import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { authHeader, icmpEcho, ipv4, tcpHeader, udpHeader } from './testdata/frames';
import { SLOT_GRE, SLOT_OTHER, SLOT_TCP, SLOT_UDP, SLOT_UNDECODABLE } from './transport-slot';
import {
  REASON_BAD_HEADER_LENGTH,
  REASON_BAD_TOTAL_LENGTH,
  REASON_BAD_VERSION,
  REASON_NONE,
  REASON_TRUNCATED,
} from './undecodable-reason';

describe(decodeIpv4.name, () => {
  const out = new FrameInfo();
  // Raw IPv4 link type: the packet starts at offset 0.
  const decode = (bytes: number[], len = bytes.length) => {
    decodeFrame(228, Buffer.from(bytes), len, out);
    return out.slot;
  };

  it('reads addresses, protocol and the datagram length from the header', () => {
    expect(decode(ipv4(17, udpHeader(12)))).toBe(SLOT_UDP);
    expect(out.ipLength).toBe(20 + 8 + 12);
    expect(out.outer.ipVersion).toBe(4);
    expect(out.outer.ipProto).toBe(17);
    expect(Array.from(out.outer.src)).toEqual([0x0afa0001, 0, 0, 0]);
    expect(Array.from(out.outer.dst)).toEqual([0x0afa0002, 0, 0, 0]);
    expect(out.fragment).toBeFalse();
  });

  it('skips header options to reach the transport', () => {
    expect(decode(ipv4(6, tcpHeader(5, { dstPort: 443 }), { optionWords: 3 }))).toBe(SLOT_TCP);
    expect(out.outer.dstPort).toBe(443);
    expect(out.outer.payloadOffset).toBe(32 + 20);
    expect(out.outer.payloadLength).toBe(5);
  });

  it('gives the first fragment its ports and a later fragment only its protocol', () => {
    expect(decode(ipv4(17, udpHeader(40), { moreFragments: true }))).toBe(SLOT_UDP);
    expect(out.outer.srcPort).toBe(5353);
    expect(out.fragment).toBeFalse();

    expect(decode(ipv4(17, [1, 2, 3], { fragmentOffset: 185 }))).toBe(SLOT_UDP);
    expect(out.fragment).toBeTrue();
    expect(out.outer.srcPort).toBe(-1);
    expect(out.outer.payloadOffset).toBe(-1);
  });

  it('walks an authentication header to the transport', () => {
    expect(decode(ipv4(51, [...authHeader(6), ...tcpHeader()]))).toBe(SLOT_TCP);
    expect(out.outer.ipProto).toBe(6);
    expect(out.outer.srcPort).toBe(12345);
  });

  it('takes a zero total length (segmentation offload) as "up to the captured bytes"', () => {
    expect(decode(ipv4(6, tcpHeader(100), { totalLength: 0 }))).toBe(SLOT_TCP);
    expect(out.ipLength).toBe(0);
    expect(out.outer.payloadLength).toBe(100);
  });

  it('clamps the payload to the datagram when the frame is padded', () => {
    const padded = [...ipv4(6, tcpHeader(2)), 0, 0, 0, 0, 0, 0];

    expect(decode(padded)).toBe(SLOT_TCP);
    expect(out.outer.payloadLength).toBe(2);
  });

  it('names what is wrong with a bad header', () => {
    const bad = ipv4(17, udpHeader());
    bad[0] = 0x65;
    expect(decode(bad)).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_BAD_VERSION);
    bad[0] = 0x44;
    decode(bad);
    expect(out.reason).toBe(REASON_BAD_HEADER_LENGTH);
    bad[0] = 0x4f;
    decode(bad.slice(0, 40));
    expect(out.reason).toBe(REASON_BAD_TOTAL_LENGTH);
    decode(ipv4(17, udpHeader(), { totalLength: 16 }));
    expect(out.reason).toBe(REASON_BAD_TOTAL_LENGTH);
    decode(ipv4(17, udpHeader(), { totalLength: 24 }));
    expect(out.reason).toBe(REASON_BAD_TOTAL_LENGTH);
  });

  it('returns truncated for every cut inside the IP header', () => {
    const packet = ipv4(6, tcpHeader(), { optionWords: 2 });

    for (let len = 0; len < 28; len++) {
      expect(decode(packet, len)).withContext(`len ${len}`).toBe(SLOT_UNDECODABLE);
      expect(out.reason).withContext(`len ${len}`).toBe(REASON_TRUNCATED);
    }
  });

  it('puts protocols without a slot in other, GRE in gre', () => {
    expect(decode(ipv4(89, icmpEcho()))).toBe(SLOT_OTHER);
    expect(out.reason).toBe(REASON_NONE);
    expect(out.outer.payloadOffset).toBe(20);
    expect(decode(ipv4(47, [0, 0, 0x88, 0xbe, 1, 2]))).toBe(SLOT_GRE);
  });
});
