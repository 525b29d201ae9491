import { decodeAt, decodeFrame, wireLength } from './frame';
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
  tcpHeader,
  udpHeader,
} from './testdata/frames';
import {
  SLOT_COUNT,
  SLOT_ICMP,
  SLOT_ICMPV6,
  SLOT_NAMES,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
  slotName,
} from './transport-slot';
import {
  REASON_BAD_VERSION,
  REASON_NAMES,
  REASON_TRUNCATED,
  REASON_UNSUPPORTED_ADDRESS_FAMILY,
  REASON_UNSUPPORTED_LINK_TYPE,
} from './undecodable-reason';

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
    expect(decode(108, Buffer.from([0, 0, 0, 24, ...ipv6(17, udpHeader())]))).toBe(SLOT_UDP);
    expect(out.l3Offset).toBe(4);
  });

  it('names why unknown link types, loopback families and IP versions are undecodable', () => {
    expect(decode(127, ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader())))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_UNSUPPORTED_LINK_TYPE);
    expect(decode(0, nullLoopback(99, ipv4(17, udpHeader())))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_UNSUPPORTED_ADDRESS_FAMILY);
    expect(decode(101, Buffer.from([0x50, 0, 0, 0]))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_BAD_VERSION);
    expect(decode(0, Buffer.from([2, 0, 0]))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });

  it('reports truncated for a cut at every layer of every link type', () => {
    // [link type, frame, bytes needed to decode it: headers up to the TCP flags / UDP ports]
    const frames: [number, Buffer, number][] = [
      [
        1,
        ethernet(ETHERTYPE_IPV4, ipv4(6, tcpHeader()), [
          [0x88a8, 1],
          [0x8100, 2],
        ]),
        22 + 20 + 14,
      ],
      [113, linuxSll(ETHERTYPE_IPV6, ipv6(17, udpHeader(0))), 16 + 40 + 8],
      [0, nullLoopback(2, ipv4(1, icmpEcho())), 4 + 20 + 4],
      [101, Buffer.from(ipv6(6, tcpHeader())), 40 + 14],
    ];
    for (const [linkType, frame, needed] of frames) {
      for (let len = 0; len < needed; len++) {
        decode(linkType, frame, len);
        expect(out.reason).withContext(`link ${linkType} len ${len}`).toBe(REASON_TRUNCATED);
      }
      expect(decode(linkType, frame, needed)).not.toBe(SLOT_UNDECODABLE);
    }
  });

  it('survives random garbage of every length on every link type', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const linkType of [0, 1, 101, 108, 113, 228, 229, 276]) {
      for (let len = 0; len < 120; len++) {
        const frame = Buffer.from(Array.from({ length: len }, random));
        expect(() => decodeFrame(linkType, frame, len + 10, out)).not.toThrow();
        expect(out.slot).toBeGreaterThanOrEqual(0);
        expect(out.slot).toBeLessThanOrEqual(SLOT_UNDECODABLE);
        expect(out.slot === SLOT_UNDECODABLE).toBe(out.reason !== 0);
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

describe(decodeAt.name, () => {
  const alone = new FrameInfo();
  const out = new FrameInfo();
  const frames = [
    ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader(40))),
    ethernet(ETHERTYPE_IPV6, ipv6(6, tcpHeader())),
    ethernet(ETHERTYPE_IPV4, ipv4(1, icmpEcho())),
  ];
  // The frames back to back after a 7-byte gap, as a capture batch holds them.
  const batch = Buffer.concat([Buffer.alloc(7, 0xff), ...frames]);
  const offsets = frames.map((_, i) => 7 + frames.slice(0, i).reduce((n, f) => n + f.length, 0));

  it('decodes a frame inside a batch buffer as it decodes the frame alone', () => {
    frames.forEach((frame, i) => {
      decodeFrame(1, frame, frame.length, alone);
      decodeAt(1, batch, offsets[i], frame.length, out);

      expect(out.slot).toBe(alone.slot);
      expect(out.outer.srcPort).toBe(alone.outer.srcPort);
      expect(out.outer.dst).toEqual(alone.outer.dst);
      expect(out.l3Offset).toBe(alone.l3Offset + offsets[i]);
      expect(out.outer.payloadOffset).toBe(alone.outer.payloadOffset + offsets[i]);
      expect(out.outer.payloadLength).toBe(alone.outer.payloadLength);
    });
  });

  it('never reads into the next frame when the captured length is short', () => {
    const cut = frames[0].length - 30;
    decodeAt(1, batch, offsets[0], cut, out);

    expect(out.outer.payloadOffset + out.outer.payloadLength).toBeLessThanOrEqual(offsets[0] + cut);
    decodeAt(1, batch, offsets[1], 20, out);
    expect(out.slot).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });

  it('treats a length past the buffer, or a bad offset, as the bytes that are there', () => {
    decodeAt(1, batch, offsets[2], 10_000, out);
    expect(out.slot).toBe(SLOT_ICMP);
    decodeAt(1, batch, batch.length + 5, 60, out);
    expect(out.reason).toBe(REASON_TRUNCATED);
    decodeAt(1, batch, Number.NaN, Number.NaN, out);
    expect(out.slot).toBe(SLOT_UNDECODABLE);
  });
});

describe(slotName.name, () => {
  it('follows the contracts transport order and names the undecodable slot', () => {
    expect(SLOT_NAMES.length).toBe(SLOT_COUNT);
    expect(SLOT_NAMES.map((_, slot) => slotName(slot))).toEqual([
      'tcp',
      'udp',
      'icmp',
      'icmpv6',
      'arp',
      'sctp',
      'gre',
      'esp',
      'other',
    ]);
    expect(slotName(SLOT_UNDECODABLE)).toBe('undecodable');
    expect(REASON_NAMES[REASON_UNSUPPORTED_LINK_TYPE]).toBe('unsupported-link-type');
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
