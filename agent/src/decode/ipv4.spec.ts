import { FrameInfo } from './frame-info';
import { decodeIpv4 } from './ipv4';
import { icmpEcho, ipv4, tcpHeader, udpHeader } from './testdata/frames';
import { SLOT_OTHER, SLOT_TCP, SLOT_UDP, SLOT_UNDECODABLE } from './transport-slot';

describe(decodeIpv4.name, () => {
  const out = new FrameInfo();
  const decode = (bytes: number[]) => {
    out.reset();
    decodeIpv4(Buffer.from(bytes), bytes.length, 0, out);
    return out.slot;
  };

  it('reads the datagram length from the header', () => {
    expect(decode(ipv4(17, udpHeader(12)))).toBe(SLOT_UDP);
    expect(out.ipLength).toBe(20 + 8 + 12);
  });

  it('rejects a wrong version, a short IHL and an IHL past the data', () => {
    const bad = ipv4(17, udpHeader());
    bad[0] = 0x65;
    expect(decode(bad)).toBe(SLOT_UNDECODABLE);
    bad[0] = 0x44;
    expect(decode(bad)).toBe(SLOT_UNDECODABLE);
    bad[0] = 0x4f;
    expect(decode(bad.slice(0, 40))).toBe(SLOT_UNDECODABLE);
  });

  it('rejects a TCP segment whose header is cut or whose data offset is impossible', () => {
    expect(decode(ipv4(6, tcpHeader()).slice(0, 30))).toBe(SLOT_UNDECODABLE);
    const badOffset = ipv4(6, tcpHeader());
    badOffset[20 + 12] = 0x20;
    expect(decode(badOffset)).toBe(SLOT_UNDECODABLE);
  });

  it('counts a non-first fragment by protocol although it has no transport header', () => {
    expect(decode(ipv4(6, [1, 2, 3], 185))).toBe(SLOT_TCP);
  });

  it('puts unknown protocols (GRE) in other', () => {
    expect(decode(ipv4(47, icmpEcho()))).toBe(SLOT_OTHER);
  });
});
