import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import { decodeLinuxSll, decodeLinuxSll2 } from './linux-cooked';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './network';
import { arpRequest, ipv4, ipv6, linuxSll, linuxSll2, tcpHeader } from './testdata/frames';
import { SLOT_ARP, SLOT_OTHER, SLOT_TCP, SLOT_UNDECODABLE } from './transport-slot';
import { REASON_TRUNCATED } from './undecodable-reason';

describe(decodeLinuxSll.name, () => {
  const out = new FrameInfo();

  it('decodes the protocol after the 16-byte header', () => {
    decodeFrame(113, linuxSll(ETHERTYPE_IPV4, ipv4(6, tcpHeader())), 56, out);

    expect(out.slot).toBe(SLOT_TCP);
    expect(out.l3Offset).toBe(16);
  });

  it('counts non-IP protocols (802.2 LLC) as other and a short header as truncated', () => {
    decodeFrame(113, linuxSll(0x0004, [0x42, 0x42, 3]), 19, out);
    expect(out.slot).toBe(SLOT_OTHER);

    decodeFrame(113, linuxSll(ETHERTYPE_IPV4, []), 15, out);
    expect(out.slot).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });
});

describe(decodeLinuxSll2.name, () => {
  const out = new FrameInfo();

  it('decodes the protocol after the 20-byte header', () => {
    const frame = linuxSll2(ETHERTYPE_IPV6, ipv6(6, tcpHeader()));
    decodeFrame(276, frame, frame.length, out);

    expect(out.slot).toBe(SLOT_TCP);
    expect(out.l3Offset).toBe(20);
    decodeFrame(276, linuxSll2(ETHERTYPE_ARP, arpRequest()), 48, out);
    expect(out.slot).toBe(SLOT_ARP);
  });

  it('returns truncated for a short header', () => {
    decodeFrame(276, linuxSll2(ETHERTYPE_IPV6, []), 19, out);

    expect(out.reason).toBe(REASON_TRUNCATED);
  });
});
