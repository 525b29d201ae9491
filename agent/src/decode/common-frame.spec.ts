import fc from 'fast-check';
import { decodeCommonEthernet } from './common-frame';
import { decodeAt, decodeFrameGeneral } from './frame';
import { FrameInfo } from './frame-info';
import { LINKTYPE_ETHERNET } from './link-type';
import { ethernetBytes, ipv4, tcpHeader, udpHeader } from './testdata/frames';

// Every field decodeFrame fills, so "same result" is checked field by field.
function snapshot(info: FrameInfo): unknown {
  const tuple = (t: FrameInfo['outer']) => ({ ...t, dst: [...t.dst], src: [...t.src] });
  return { ...info, inner: tuple(info.inner), outer: tuple(info.outer) };
}

const transport = fc.oneof(
  fc
    .tuple(fc.nat({ max: 40 }), fc.nat({ max: 3 }), fc.nat({ max: 0xff }))
    .map(([payload, optionWords, flags]) => [6, tcpHeader(payload, { flags, optionWords })]),
  fc
    .tuple(fc.nat({ max: 40 }), fc.nat({ max: 0xffff }))
    .map(([payload, dstPort]) => [17, udpHeader(payload, 5353, dstPort)]),
) as fc.Arbitrary<[number, number[]]>;

const frame = fc
  .tuple(
    transport,
    fc.nat({ max: 2 }),
    fc.array(fc.tuple(fc.nat({ max: 120 }), fc.nat({ max: 0xff })), { maxLength: 3 }),
    fc.option(fc.nat({ max: 140 })),
  )
  .map(([[proto, body], optionWords, pokes, cut]) => {
    const bytes = ethernetBytes(0x0800, ipv4(proto, body, { optionWords }));
    for (const [at, value] of pokes) if (at < bytes.length) bytes[at] = value;
    return Buffer.from(cut === null ? bytes : bytes.slice(0, cut));
  });

describe(decodeCommonEthernet.name, () => {
  it('gives the general decoder’s result whenever it takes a frame, and leaves the rest to it', () => {
    const general = new FrameInfo();
    const sut = new FrameInfo();
    let taken = 0;
    fc.assert(
      fc.property(frame, (buf) => {
        decodeFrameGeneral(LINKTYPE_ETHERNET, buf, buf.length, general);
        sut.reset();
        if (decodeCommonEthernet(buf, 0, buf.length, sut)) {
          taken++;
          expect(snapshot(sut)).toEqual(snapshot(general));
        } else {
          // Nothing written: the general decoder starts from a clean FrameInfo.
          expect(snapshot(sut)).toEqual(snapshot(new FrameInfo()));
        }
      }),
      { numRuns: 3000 },
    );
    // Most generated frames are the common case, so the comparison above really ran.
    expect(taken).toBeGreaterThan(500);
  });

  it('matches the general decoder at an offset inside a batch buffer', () => {
    const one = ethernetBytes(0x0800, ipv4(6, tcpHeader(10, { optionWords: 1 })));
    const batch = Buffer.from([...new Array<number>(7).fill(0xee), ...one, 0xee, 0xee]);
    const general = new FrameInfo();
    const sut = new FrameInfo();
    decodeFrameGeneral(LINKTYPE_ETHERNET, Buffer.from(one), one.length, general);

    decodeAt(LINKTYPE_ETHERNET, batch, 7, one.length, sut);

    expect(sut.l3Offset).toBe(general.l3Offset + 7);
    expect(sut.outer.payloadOffset).toBe(general.outer.payloadOffset + 7);
    expect(sut.outer.payloadLength).toBe(general.outer.payloadLength);
    expect(sut.outer.srcPort).toBe(12345);
    expect(sut.slot).toBe(general.slot);
  });

  it('declines VXLAN, fragments and zero IP lengths (the general decoder handles them)', () => {
    const sut = new FrameInfo();
    const vxlan = Buffer.from(ethernetBytes(0x0800, ipv4(17, udpHeader(20, 1000, 4789))));
    const fragment = Buffer.from(ethernetBytes(0x0800, ipv4(6, tcpHeader(), 8)));
    const offload = Buffer.from(ethernetBytes(0x0800, ipv4(6, tcpHeader(), { totalLength: 0 })));

    for (const buf of [vxlan, fragment, offload]) {
      expect(decodeCommonEthernet(buf, 0, buf.length, sut)).toBeFalse();
    }
  });
});
