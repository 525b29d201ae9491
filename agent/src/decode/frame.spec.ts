import { decodeFrame, wireLength } from './frame';
import { FrameInfo } from './frame-info';
import { linkTypeFromCap } from './link-type';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './network';
import {
  ethernet,
  icmpEcho,
  ipv4,
  ipv6,
  linuxSll,
  nullLoopback,
  udpHeader,
} from './testdata/frames';
import { SLOT_ICMP, SLOT_ICMPV6, SLOT_TCP, SLOT_UDP, SLOT_UNDECODABLE } from './transport-slot';
import { tcpHeader } from './testdata/frames';

describe(decodeFrame.name, () => {
  const out = new FrameInfo();
  const decode = (linkType: number, frame: Buffer, len = frame.length) => {
    decodeFrame(linkType, frame, len, out);
    return out.slot;
  };

  it('decodes each supported link type', () => {
    expect(decode(1, ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader())))).toBe(SLOT_UDP);
    expect(decode(113, linuxSll(ETHERTYPE_IPV6, ipv6(58, icmpEcho())))).toBe(SLOT_ICMPV6);
    expect(decode(101, Buffer.from(ipv4(1, icmpEcho())))).toBe(SLOT_ICMP);
    expect(decode(101, Buffer.from(ipv6(6, tcpHeader())))).toBe(SLOT_TCP);
    expect(decode(228, Buffer.from(ipv4(6, tcpHeader())))).toBe(SLOT_TCP);
    expect(decode(229, Buffer.from(ipv6(17, udpHeader())))).toBe(SLOT_UDP);
    expect(decode(0, nullLoopback(2, ipv4(17, udpHeader())))).toBe(SLOT_UDP);
    expect(decode(0, nullLoopback(30, ipv6(17, udpHeader())))).toBe(SLOT_UDP);
  });

  it('counts unknown link types and unknown loopback families as undecodable', () => {
    expect(decode(127, ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader())))).toBe(SLOT_UNDECODABLE);
    expect(decode(0, nullLoopback(99, ipv4(17, udpHeader())))).toBe(SLOT_UNDECODABLE);
    expect(decode(101, Buffer.from([0x50, 0, 0, 0]))).toBe(SLOT_UNDECODABLE);
  });

  it('survives random garbage of every length on every link type', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const linkType of [0, 1, 101, 113, 228, 229, 276]) {
      for (let len = 0; len < 120; len++) {
        const frame = Buffer.from(Array.from({ length: len }, random));
        expect(() => decodeFrame(linkType, frame, len + 10, out)).not.toThrow();
        expect(out.slot).toBeGreaterThanOrEqual(0);
        expect(out.slot).toBeLessThanOrEqual(SLOT_UNDECODABLE);
      }
    }
  });

  it('sizes a frame cut at the snap length from its IP header', () => {
    const frame = ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader(100)));
    frame.writeUInt16BE(60000, 14 + 2);
    decodeFrame(1, frame, frame.length, out);

    expect(wireLength(frame.length, frame.length, out)).toBe(14 + 60000);
    expect(wireLength(frame.length, 65535, out)).toBe(frame.length);
  });
});

describe(linkTypeFromCap.name, () => {
  it('maps the names cap returns to LINKTYPE numbers', () => {
    expect(linkTypeFromCap('ETHERNET')).toBe(1);
    expect(linkTypeFromCap('LINKTYPE_LINUX_SLL')).toBe(113);
    expect(linkTypeFromCap('RAW')).toBe(101);
    expect(linkTypeFromCap('NULL')).toBe(0);
    expect(linkTypeFromCap('Unknown linktype 12')).toBe(101);
    expect(linkTypeFromCap('Unknown linktype 276')).toBe(276);
    expect(linkTypeFromCap('IEEE802_11_RADIO')).toBe(-1);
  });
});
