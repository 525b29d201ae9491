import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import { decodeNetwork, ETHERTYPE_ARP, ETHERTYPE_RARP } from './network';
import { arpRequest, ethernet } from './testdata/frames';
import { SLOT_ARP, SLOT_UNDECODABLE } from './transport-slot';
import { REASON_TRUNCATED } from './undecodable-reason';

describe(decodeNetwork.name, () => {
  const out = new FrameInfo();

  it('reads the ARP opcode and the sender / target IPv4 addresses', () => {
    decodeFrame(1, ethernet(ETHERTYPE_ARP, arpRequest(2)), 42, out);

    expect(out.slot).toBe(SLOT_ARP);
    expect(out.arpOp).toBe(2);
    expect(out.outer.src[0]).toBe(0x0afa0001);
    expect(out.outer.dst[0]).toBe(0x0afa0002);
    expect(out.outer.ipVersion).toBe(0);
  });

  it('counts RARP as ARP', () => {
    decodeFrame(1, ethernet(ETHERTYPE_RARP, arpRequest(3)), 42, out);

    expect(out.slot).toBe(SLOT_ARP);
    expect(out.arpOp).toBe(3);
  });

  it('returns truncated when the addresses the sizes announce are cut', () => {
    const frame = ethernet(ETHERTYPE_ARP, arpRequest());

    decodeFrame(1, frame, frame.length - 1, out);
    expect(out.slot).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);

    frame[14 + 4] = 200; // hardware size far beyond the frame
    decodeFrame(1, frame, frame.length, out);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });
});
