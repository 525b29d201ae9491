import { execFileSync } from 'node:child_process';
import type { SlotLabel } from './agent-counts';

export interface PeerPacket {
  bytes: number;
  label: SlotLabel;
  protocols: string;
}

// Link-layer dissectors in front of the network layer (frame.protocols tokens).
const LINK_TOKENS = new Set(['eth', 'ethertype', 'vlan', 'ieee8021ad', 'sll', 'null', 'raw']);
// IPv6 extension headers (and AH, in IPv4 too) that the agent walks through to the transport.
const EXTENSION_TOKENS = new Set([
  'ah',
  'ipv6.dstopts',
  'ipv6.fraghdr',
  'ipv6.hopopts',
  'ipv6.routing',
]);
const TRANSPORT_TOKENS: Record<string, SlotLabel> = {
  esp: 'esp',
  gre: 'gre',
  icmp: 'icmp',
  icmpv6: 'icmpv6',
  sctp: 'sctp',
  tcp: 'tcp',
  udp: 'udp',
};
const PROTOCOL_NUMBERS: Record<string, SlotLabel> = {
  '1': 'icmp',
  '132': 'sctp',
  '17': 'udp',
  '47': 'gre',
  '50': 'esp',
  '58': 'icmpv6',
  '6': 'tcp',
};
const UNDECODED_TOKENS = new Set(['_ws.malformed', '_ws.short', '_ws.expert']);

/**
 * Runs tshark on a file and maps each packet to the agent's transport labels from its own
 * dissection: the protocol right after the first IP / IPv6 (past extension headers) or ARP.
 * IP reassembly is off so each fragment stands alone, as in the agent.
 */
export function tsharkPackets(path: string): PeerPacket[] {
  const stdout = execFileSync(
    'tshark',
    [
      '-r',
      path,
      '-n',
      '-o',
      'ip.defragment:FALSE',
      '-o',
      'ipv6.defragment:FALSE',
      '-T',
      'fields',
      '-E',
      'occurrence=f',
      '-e',
      'frame.len',
      '-e',
      'frame.protocols',
      '-e',
      'ip.proto',
      '-e',
      'ipv6.fraghdr.nxt',
      '-e',
      '_ws.malformed',
      '-e',
      '_ws.short',
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [len, protocols, ipProto, fragmentNext, malformed, short] = line.split('\t');
      const broken = (malformed ?? '').length > 0 || (short ?? '').length > 0;
      const label = peerLabel(protocols, ipProto, fragmentNext, broken);
      return { bytes: Number(len), label, protocols };
    });
}

// `broken`: tshark flagged the packet malformed or cut short. When that happens while it is
// still in ARP or the IP header chain (the last protocol it reached), the agent, which checks
// those same headers, counts the packet undecodable. Transports are compared by name only:
// tshark also flags problems deep in their payloads, which the agent does not parse.
function peerLabel(
  protocols: string,
  ipProto: string,
  fragmentNext: string,
  broken: boolean,
): SlotLabel {
  const tokens = protocols.split(':').filter((token) => token.length > 0);
  let i = 0;
  while (i < tokens.length && LINK_TOKENS.has(tokens[i])) i++;
  const network = tokens[i];
  if (network === undefined || UNDECODED_TOKENS.has(network)) return 'undecodable';
  if (network === 'arp') return broken && i === tokens.length - 1 ? 'undecodable' : 'arp';
  if (network !== 'ip' && network !== 'ipv6') return 'other';
  let j = i + 1;
  while (j < tokens.length && EXTENSION_TOKENS.has(tokens[j])) j++;
  const transport = tokens[j];
  if (transport === undefined) {
    // IPv6 headers ending in No Next Header are whole packets; a lone IPv4 header is bogus.
    return broken || network === 'ip' ? 'undecodable' : 'other';
  }
  if (UNDECODED_TOKENS.has(transport)) return 'undecodable';
  // A non-first fragment is dissected as data; its protocol is in the header.
  if (transport === 'data') {
    const number = network === 'ip' ? ipProto : fragmentNext;
    return PROTOCOL_NUMBERS[number] ?? 'other';
  }
  return TRANSPORT_TOKENS[transport] ?? 'other';
}
