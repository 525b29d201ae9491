import { FrameInfo } from './frame-info';
import { decodeIpv6 } from './ipv6';
import { icmpEcho, ipv6, ipv6Extension, tcpHeader, udpHeader } from './testdata/frames';
import { SLOT_ICMPV6, SLOT_OTHER, SLOT_TCP, SLOT_UDP, SLOT_UNDECODABLE } from './transport-slot';

describe(decodeIpv6.name, () => {
  const out = new FrameInfo();
  const decode = (bytes: number[]) => {
    out.reset();
    decodeIpv6(Buffer.from(bytes), bytes.length, 0, out);
    return out.slot;
  };

  it('classifies the transport after the fixed header', () => {
    expect(decode(ipv6(17, udpHeader()))).toBe(SLOT_UDP);
    expect(out.ipLength).toBe(40 + 12);
    expect(decode(ipv6(58, icmpEcho()))).toBe(SLOT_ICMPV6);
  });

  it('walks hop-by-hop and destination-options headers', () => {
    const body = [...ipv6Extension(60), ...ipv6Extension(6), ...tcpHeader()];

    expect(decode(ipv6(0, body))).toBe(SLOT_TCP);
  });

  it('treats a non-first fragment by its protocol and ESP as other', () => {
    const fragment = [17, 0, 0x00, 0x08 | 1, 0, 0, 0, 1, 9, 9];

    expect(decode(ipv6(44, fragment))).toBe(SLOT_UDP);
    expect(decode(ipv6(50, [0, 0, 0, 1]))).toBe(SLOT_OTHER);
  });

  it('returns undecodable for a cut extension header or a header chain that never ends', () => {
    expect(decode(ipv6(0, [6, 0, 0]))).toBe(SLOT_UNDECODABLE);
    const endless = Array.from({ length: 12 }, () => ipv6Extension(60)).flat();
    expect(decode(ipv6(60, endless))).toBe(SLOT_UNDECODABLE);
  });

  it('returns undecodable for every truncation of the fixed header', () => {
    const packet = ipv6(17, udpHeader());

    for (let len = 0; len < 48; len++) {
      expect(decode(packet.slice(0, len)))
        .withContext(`len ${len}`)
        .toBe(SLOT_UNDECODABLE);
    }
  });
});
