import { decodeFrame } from './frame';
import { FrameInfo, TUNNEL_GRE, TUNNEL_NONE, TUNNEL_VXLAN } from './frame-info';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './network';
import {
  ethernet,
  ethernetBytes,
  greHeader,
  ipv4,
  ipv6,
  tcpHeader,
  udpHeader,
  vxlanHeader,
} from './testdata/frames';
import { SLOT_GRE, SLOT_UDP } from './transport-slot';
import { decodeGre, decodeVxlan } from './tunnel';
import { REASON_NONE } from './undecodable-reason';

const INNER_SRC = [192, 168, 7, 1];
const INNER_DST = [192, 168, 7, 2];
const innerTcp = () => ipv4(6, tcpHeader(4, { dstPort: 8443 }), { dst: INNER_DST, src: INNER_SRC });

function vxlanFrame(inner: number[]): Buffer {
  const vxlan = [...vxlanHeader(), ...inner];
  return ethernet(
    ETHERTYPE_IPV4,
    ipv4(17, [...udpHeader(vxlan.length, 50000, 4789).slice(0, 8), ...vxlan]),
  );
}

describe(decodeVxlan.name, () => {
  const out = new FrameInfo();

  it('counts the outer UDP packet and attributes the inner Ethernet frame to the inner flow', () => {
    const frame = vxlanFrame(ethernetBytes(ETHERTYPE_IPV4, innerTcp(), [[0x8100, 5]]));
    decodeFrame(1, frame, frame.length, out);

    expect(out.slot).toBe(SLOT_UDP);
    expect(out.outer.dstPort).toBe(4789);
    expect(out.tunnel).toBe(TUNNEL_VXLAN);
    expect(out.inner.ipVersion).toBe(4);
    expect(out.inner.src[0]).toBe(0xc0a80701);
    expect(out.inner.dst[0]).toBe(0xc0a80702);
    expect(out.inner.ipProto).toBe(6);
    expect(out.inner.dstPort).toBe(8443);
    expect(out.inner.payloadLength).toBe(4);
    expect(out.inner.payloadOffset + 4).toBe(frame.length);
    expect(out.vlanId).toBe(-1);
  });

  it('leaves the tunnel unset when the inner frame is cut or the VNI flag is missing', () => {
    const frame = vxlanFrame(ethernetBytes(ETHERTYPE_IPV6, ipv6(6, tcpHeader())));
    decodeFrame(1, frame, frame.length - 30, out);
    expect(out.slot).toBe(SLOT_UDP);
    expect(out.tunnel).toBe(TUNNEL_NONE);
    expect(out.inner.ipVersion).toBe(0);

    frame[14 + 20 + 8] = 0;
    decodeFrame(1, frame, frame.length, out);
    expect(out.tunnel).toBe(TUNNEL_NONE);
  });
});

describe(decodeGre.name, () => {
  const out = new FrameInfo();
  const decode = (gre: number[]) => {
    decodeFrame(1, ethernet(ETHERTYPE_IPV4, ipv4(47, gre)), 10_000, out);
  };

  it('attributes inner IPv4 after checksum, key and sequence words', () => {
    for (const flags of [0, 0x80, 0x20, 0x10, 0xb0]) {
      decode([...greHeader(0x0800, flags), ...innerTcp()]);

      expect(out.slot).withContext(`flags ${flags}`).toBe(SLOT_GRE);
      expect(out.tunnel).withContext(`flags ${flags}`).toBe(TUNNEL_GRE);
      expect(out.inner.dstPort).withContext(`flags ${flags}`).toBe(8443);
    }
    expect(out.outer.payloadOffset).toBe(14 + 20 + 16);
  });

  it('attributes inner IPv6 and bridged Ethernet (0x6558)', () => {
    decode([...greHeader(0x86dd, 0x20), ...ipv6(17, udpHeader())]);
    expect(out.tunnel).toBe(TUNNEL_GRE);
    expect(out.inner.ipVersion).toBe(6);
    expect(out.inner.dstPort).toBe(53);

    decode([...greHeader(0x6558), ...ethernetBytes(ETHERTYPE_IPV4, innerTcp())]);
    expect(out.tunnel).toBe(TUNNEL_GRE);
    expect(out.inner.src[0]).toBe(0xc0a80701);
  });

  it('counts ERSPAN, PPTP and malformed inner packets as GRE without an inner flow', () => {
    decode([...greHeader(0x88be, 0x10), 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.slot).toBe(SLOT_GRE);
    expect(out.tunnel).toBe(TUNNEL_NONE);

    decode([0x30, 0x81, 0x88, 0x0b, 0, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0xff, 3]);
    expect(out.tunnel).toBe(TUNNEL_NONE);
    expect(out.outer.payloadOffset).toBe(14 + 20 + 16);

    decode([...greHeader(0x0800), 0x45, 0, 0]);
    expect(out.slot).toBe(SLOT_GRE);
    expect(out.reason).toBe(REASON_NONE);
    expect(out.tunnel).toBe(TUNNEL_NONE);
    expect(out.inner.ipVersion).toBe(0);
  });
});
