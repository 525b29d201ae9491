import { decodeEthernet } from './ethernet';
import { decodeFrame } from './frame';
import { FrameInfo } from './frame-info';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './network';
import {
  arpRequest,
  ethernet,
  icmpEcho,
  ipv4,
  ipv6,
  tcpHeader,
  udpHeader,
} from './testdata/frames';
import {
  SLOT_ARP,
  SLOT_ICMP,
  SLOT_OTHER,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
} from './transport-slot';
import { REASON_NONE, REASON_TOO_MANY_VLAN_TAGS, REASON_TRUNCATED } from './undecodable-reason';

describe(decodeEthernet.name, () => {
  const out = new FrameInfo();
  const decode = (frame: Buffer, len = frame.length) => {
    decodeFrame(1, frame, len, out);
    return out.slot;
  };

  it('classifies untagged IPv4 transports', () => {
    expect(decode(ethernet(ETHERTYPE_IPV4, ipv4(6, tcpHeader(10))))).toBe(SLOT_TCP);
    expect(decode(ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader())))).toBe(SLOT_UDP);
    expect(decode(ethernet(ETHERTYPE_IPV4, ipv4(1, icmpEcho())))).toBe(SLOT_ICMP);
    expect(out.l3Offset).toBe(14);
    expect(out.vlanId).toBe(-1);
  });

  it('skips one 802.1Q tag and keeps its VLAN id', () => {
    const frame = ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader()), [[0x8100, 0x2000 | 42]]);

    expect(decode(frame)).toBe(SLOT_UDP);
    expect(out.l3Offset).toBe(18);
    expect(out.vlanId).toBe(42);
  });

  it('skips QinQ (802.1ad outer, 802.1Q inner) tags and keeps the outer VLAN id', () => {
    const frame = ethernet(ETHERTYPE_IPV6, ipv6(6, tcpHeader()), [
      [0x88a8, 100],
      [0x8100, 42],
    ]);

    expect(decode(frame)).toBe(SLOT_TCP);
    expect(out.l3Offset).toBe(22);
    expect(out.vlanId).toBe(100);
  });

  it('rejects more stacked tags than any real network uses', () => {
    const tags: [number, number][] = [
      [0x88a8, 1],
      [0x8100, 2],
      [0x8100, 3],
      [0x8100, 4],
    ];

    expect(decode(ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader()), tags))).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TOO_MANY_VLAN_TAGS);
  });

  it('classifies ARP and non-IP EtherTypes', () => {
    expect(decode(ethernet(ETHERTYPE_ARP, arpRequest()))).toBe(SLOT_ARP);
    expect(decode(ethernet(0x88cc, [1, 2, 3, 4]))).toBe(SLOT_OTHER);
    expect(decode(ethernet(46, [0x42, 0x42, 3]))).toBe(SLOT_OTHER);
    expect(out.reason).toBe(REASON_NONE);
  });

  it('returns truncated for every cut inside the tagged headers, without throwing', () => {
    const frame = ethernet(ETHERTYPE_IPV4, ipv4(6, tcpHeader()), [[0x8100, 7]]);

    for (let len = 0; len < 18 + 20 + 14; len++) {
      expect(decode(frame.subarray(0, len)))
        .withContext(`len ${len}`)
        .toBe(SLOT_UNDECODABLE);
      expect(out.reason).withContext(`len ${len}`).toBe(REASON_TRUNCATED);
    }
    expect(decode(frame)).toBe(SLOT_TCP);
  });

  it('honours the captured length when the buffer holds stale bytes beyond it', () => {
    const frame = ethernet(ETHERTYPE_ARP, arpRequest());
    const reused = Buffer.concat([frame, Buffer.alloc(100, 0xff)]);

    expect(decode(reused, 20)).toBe(SLOT_UNDECODABLE);
    expect(out.reason).toBe(REASON_TRUNCATED);
  });
});
