// Compares the agent's decode of chosen tcpdump corpus captures with tshark (Wireshark 4.0,
// Debian's package) on the same files: packet and byte totals, per-transport counts, and
// packet by packet, so every difference is either listed below with its reason or a failure.
import { decodeFrame } from '../../../src/decode/frame';
import { type DecodedPacket, decodeFile, type SlotLabel } from './support/agent-counts';
import { corpusFiles, corpusPath } from './support/corpus-paths';
import { type PeerPacket, tsharkPackets } from './support/tshark-peer';

// Chosen to cover every link type the agent decodes and every layer it parses.
const FILES = [
  // Ethernet: VLAN / QinQ, IPv4 fragments, IPv6 extension headers, ARP, SCTP, GRE, ESP, VXLAN.
  '802.1ad_QinQ.pcap',
  'MSTP_Intra-Region_BPDUs.pcap',
  'ldp-common-session.pcap',
  'various_gre.pcap',
  'NHRP_registration.pcap',
  'afs.pcap',
  'icmpv6.pcap',
  'ipv6-routing-header.pcap',
  'ipv6_jumbogram_1.pcap',
  'OSPFv3_with_AH.pcap',
  'dcb_ets.pcap',
  'icmpv6-rfc7112.pcap',
  'isup.pcap',
  '02-sunrise-sunset-esp.pcap',
  'espudp1.pcap',
  'vxlan.pcap',
  'erspan-type-i-4.pcap',
  'pptp.pcap',
  'arp-oobr.pcap',
  'bgp-4byte-asn.pcap',
  'eapon1.pcap',
  'pim-packet-assortment.pcap',
  'mpls-over-udp.pcap',
  'igmpv3-queries.pcap',
  'pppoe.pcap',
  'kday3.pcap',
  'ipv6-bad-version.pcap',
  'tcp_header_heapoverflow.pcap',
  'pgm_opts_asan.pcap',
  'icmp-icmp_print-oobr-1.pcap',
  'udp-length-heapoverflow.pcap',
  'ipv6-too-long-jumbo.pcap',
  'ipv6_frag6_negative_len.pcap',
  // Linux cooked v1.
  'forces1.pcap',
  'tcp-handshake-nano.pcap',
  'babel.pcap',
  'isis-infinite-loop.pcap',
  // Raw IP (101, 228, 229).
  'LINKTYPE_RAW_ipv4.pcap',
  'LINKTYPE_RAW_ipv6.pcap',
  'erspan-type-iii-pb-1.pcap',
  'LINKTYPE_IPV4.pcap',
  'LINKTYPE_IPV4_invalid.pcap',
  'LINKTYPE_IPV6.pcap',
  'ipv6_mobility_1.pcap',
  // BSD loopback / null.
  'dns-badcookie.pcap',
  'quic_handshake.pcap',
  'icmpv6-RFC2894-RR.pcap',
];

interface KnownDifference {
  agent: SlotLabel;
  // 1-based frame number, as tshark numbers them.
  packet: number;
  reason: string;
  tshark: SlotLabel;
}

const VERSION_6_AS_IPV4 =
  'the link layer says IPv4 but the header says version 6: tshark switches to its IPv6 ' +
  'dissector, the agent trusts the link layer and counts a bad-ip-version header';
const WRONG_IPV6_VERSION =
  'an IPv6 EtherType with another version nibble: tshark shows the bytes as data, the agent ' +
  'counts a bad-ip-version header';
const TRANSPORT_HEADER_CUT =
  'the capture ends inside the transport header: tshark names the protocol from the IP ' +
  'header, the agent needs the ports (and TCP flags, ICMP type-code) and counts it truncated';
const DATAGRAM_TOO_SHORT =
  'the IP total length ends inside the ICMP header: tshark shows a malformed ICMP packet, the ' +
  'agent counts bad-total-length';
const OPTIONS_NOT_PARSED =
  'option contents are malformed: tshark stops at them, the agent skips IPv4 options and IPv6 ' +
  'hop-by-hop / fragment headers by their length fields without parsing the options';
const TSO_PAYLOAD_LENGTH =
  'IPv6 payload length 0 without a jumbo option: tshark calls the fragment header malformed, ' +
  'the agent takes 0 as segmentation offload (length = captured bytes), as tshark does for IPv4';

// Deliberate differences, each with why the agent does what it does. Packet numbers are
// tshark's frame numbers.
const KNOWN_DIFFERENCES: Record<string, KnownDifference[]> = {
  'LINKTYPE_IPV4_invalid.pcap': [
    { agent: 'undecodable', packet: 1, reason: VERSION_6_AS_IPV4, tshark: 'other' },
  ],
  'icmp-icmp_print-oobr-1.pcap': [
    { agent: 'undecodable', packet: 1, reason: DATAGRAM_TOO_SHORT, tshark: 'icmp' },
  ],
  'ipv6-bad-version.pcap': [
    { agent: 'undecodable', packet: 2, reason: WRONG_IPV6_VERSION, tshark: 'other' },
    { agent: 'undecodable', packet: 4, reason: WRONG_IPV6_VERSION, tshark: 'other' },
  ],
  'ipv6-too-long-jumbo.pcap': [
    { agent: 'other', packet: 1, reason: OPTIONS_NOT_PARSED, tshark: 'undecodable' },
  ],
  'ipv6_frag6_negative_len.pcap': [
    { agent: 'other', packet: 1, reason: TSO_PAYLOAD_LENGTH, tshark: 'undecodable' },
  ],
  'kday3.pcap': [{ agent: 'undecodable', packet: 2, reason: VERSION_6_AS_IPV4, tshark: 'other' }],
  'pgm_opts_asan.pcap': [
    { agent: 'other', packet: 1, reason: OPTIONS_NOT_PARSED, tshark: 'undecodable' },
  ],
  'tcp_header_heapoverflow.pcap': [
    { agent: 'undecodable', packet: 1, reason: TRANSPORT_HEADER_CUT, tshark: 'tcp' },
  ],
  'udp-length-heapoverflow.pcap': [
    { agent: 'undecodable', packet: 1, reason: TRANSPORT_HEADER_CUT, tshark: 'udp' },
  ],
};

interface Tally {
  bytes: number;
  labels: Record<string, number>;
  packets: number;
}

function tally(packets: readonly { bytes: number; label: SlotLabel }[]): Tally {
  const labels: Record<string, number> = {};
  for (const p of packets) labels[p.label] = (labels[p.label] ?? 0) + 1;
  return { bytes: packets.reduce((sum, p) => sum + p.bytes, 0), labels, packets: packets.length };
}

function mismatches(agent: DecodedPacket[], peer: PeerPacket[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(agent.length, peer.length); i++) {
    if (agent[i].label !== peer[i].label) {
      out.push(`#${i + 1} agent ${agent[i].label}, tshark ${peer[i].label} [${peer[i].protocols}]`);
    }
  }
  return out;
}

describe(`${decodeFrame.name} compared with tshark on the corpus`, () => {
  it('uses corpus files that exist', () => {
    const present = new Set(corpusFiles());

    expect(FILES.filter((name) => !present.has(name))).toEqual([]);
    expect(Object.keys(KNOWN_DIFFERENCES).filter((name) => !FILES.includes(name))).toEqual([]);
  });

  for (const name of FILES) {
    it(`matches tshark on ${name}`, () => {
      const agent = decodeFile(corpusPath(name)).packets;
      const peer = tsharkPackets(corpusPath(name));
      const known = KNOWN_DIFFERENCES[name] ?? [];
      const agentTally = tally(agent);
      // tshark's counts with the known differences moved to the agent's label.
      const adjusted = peer.map((p, i) => {
        const difference = known.find((k) => k.packet === i + 1 && k.tshark === p.label);
        return difference ? { bytes: p.bytes, label: difference.agent } : p;
      });

      expect(agentTally.packets).toBe(peer.length);
      expect(agentTally.bytes).toBe(tally(peer).bytes);
      expect(agentTally.labels).toEqual(tally(adjusted).labels);
      expect(mismatches(agent, peer)).toEqual(
        known.map((k) =>
          jasmine.stringContaining(`#${k.packet} agent ${k.agent}, tshark ${k.tshark} `),
        ),
      );
    });
  }
});
