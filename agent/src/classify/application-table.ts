import type { ApplicationName } from '@nta/contracts';
import * as m from './payload-matchers';

export interface ApplicationEntry {
  // IP protocol numbers that alone name the application (no ports), e.g. 89 for OSPF.
  ipProtocols?: readonly number[];
  // Payload signature confirming the port guess (or finding the protocol on another port).
  match?: m.PayloadMatcher;
  name: ApplicationName;
  // Reliable enough to override the port guess: TLS on 8080, HTTP on 443, DNS on 5300.
  strong?: boolean;
  tcp?: readonly number[];
  udp?: readonly number[];
}

// One entry per protocol: adding one is adding a line. Port conflicts go to the first entry.
export const APPLICATION_TABLE: readonly ApplicationEntry[] = [
  { match: m.dns, name: 'dns', strong: true, tcp: [53], udp: [53] },
  { match: m.dns, name: 'mdns', udp: [5353] },
  { match: m.dns, name: 'llmnr', tcp: [5355], udp: [5355] },
  { match: m.http, name: 'http', strong: true, tcp: [80, 591, 3128, 8000, 8008, 8080, 8081, 8888] },
  { match: m.tlsHello, name: 'tls', strong: true, tcp: [443, 4433, 8443, 9443] },
  { match: m.quic, name: 'quic', strong: true, udp: [443, 784, 853, 8443] },
  { match: m.ssh, name: 'ssh', strong: true, tcp: [22, 2222] },
  { match: m.telnet, name: 'telnet', tcp: [23] },
  { match: m.ftp, name: 'ftp', tcp: [20, 21] },
  { match: m.dhcp, name: 'dhcp', strong: true, udp: [67, 68] },
  { name: 'dhcpv6', udp: [546, 547] },
  { match: m.ntp, name: 'ntp', udp: [123] },
  { match: m.ssdp, name: 'ssdp', strong: true, udp: [1900] },
  { match: m.netbios, name: 'netbios', tcp: [139], udp: [137, 138] },
  { match: m.smb, name: 'smb', strong: true, tcp: [445] },
  { match: m.rdp, name: 'rdp', tcp: [3389], udp: [3389] },
  { match: m.vnc, name: 'vnc', strong: true, tcp: [5900, 5901, 5902, 5903] },
  { match: m.mysql, name: 'mysql', tcp: [3306, 33060] },
  { match: m.postgresql, name: 'postgresql', strong: true, tcp: [5432] },
  { match: m.redis, name: 'redis', strong: true, tcp: [6379] },
  { match: m.mongodb, name: 'mongodb', strong: true, tcp: [27017] },
  { match: m.mqtt, name: 'mqtt', strong: true, tcp: [1883, 8883] },
  { match: m.amqp, name: 'amqp', strong: true, tcp: [5671, 5672] },
  { match: m.smtp, name: 'smtp', tcp: [25, 465, 587] },
  { match: m.imap, name: 'imap', tcp: [143, 993] },
  { match: m.pop3, name: 'pop3', tcp: [110, 995] },
  { match: m.ldap, name: 'ldap', tcp: [389, 636, 3268], udp: [389] },
  { match: m.kerberos, name: 'kerberos', tcp: [88, 464], udp: [88, 464] },
  { match: m.snmp, name: 'snmp', udp: [161, 162] },
  { match: m.syslog, name: 'syslog', tcp: [601, 6514], udp: [514] },
  { match: m.bgp, name: 'bgp', strong: true, tcp: [179] },
  { ipProtocols: [89], name: 'ospf' },
  { ipProtocols: [112], name: 'vrrp' },
  { ipProtocols: [1, 58], name: 'icmp' },
  { match: m.sip, name: 'sip', strong: true, tcp: [5060, 5061], udp: [5060] },
  { match: m.rtp, name: 'rtp', udp: [5004, 5005] },
  { match: m.openvpn, name: 'openvpn', tcp: [1194], udp: [1194] },
  { match: m.wireguard, name: 'wireguard', udp: [51820] },
  { ipProtocols: [50, 51], match: m.ike, name: 'ipsec', udp: [500, 4500] },
  { match: m.vxlan, name: 'vxlan', udp: [4789, 8472] },
  { ipProtocols: [47], name: 'gre' },
];
