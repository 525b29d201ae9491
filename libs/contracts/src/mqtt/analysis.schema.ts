import { z } from 'zod';
import { countersSchema } from './common.schema';

const count = z.number().int().nonnegative();
const epochMs = z.number().nonnegative();

/** Application protocols the agent classifies, in the order the agent's table lists them. */
export const APPLICATION_NAMES = [
  'dns',
  'mdns',
  'llmnr',
  'http',
  'tls',
  'quic',
  'ssh',
  'telnet',
  'ftp',
  'dhcp',
  'dhcpv6',
  'ntp',
  'ssdp',
  'netbios',
  'smb',
  'rdp',
  'vnc',
  'mysql',
  'postgresql',
  'redis',
  'mongodb',
  'mqtt',
  'amqp',
  'smtp',
  'imap',
  'pop3',
  'ldap',
  'kerberos',
  'snmp',
  'syslog',
  'bgp',
  'ospf',
  'vrrp',
  'icmp',
  'sip',
  'rtp',
  'openvpn',
  'wireguard',
  'ipsec',
  'vxlan',
  'gre',
  'arp',
  'unknown',
] as const;
export type ApplicationName = (typeof APPLICATION_NAMES)[number];

export const TUNNEL_KINDS = ['vxlan', 'gre'] as const;
export type TunnelKind = (typeof TUNNEL_KINDS)[number];

/** One bidirectional flow: side a is the side first seen sending. */
export const flowRowSchema = z.object({
  a: z.string().max(64),
  aPort: z.number().int().min(0).max(65535).nullable(),
  application: z.string().max(32),
  b: z.string().max(64),
  bPort: z.number().int().min(0).max(65535).nullable(),
  bytesAtoB: count,
  bytesBtoA: count,
  firstSeen: epochMs,
  lastSeen: epochMs,
  packetsAtoB: count,
  packetsBtoA: count,
  // TCP flags seen in the interval, as letters in the order FSRPAUEC (e.g. "SA").
  tcpFlags: z.string().max(8),
  transport: z.string().max(16),
  // Set when this row is the inner flow of a tunnel; its packets are in the outer flow too.
  tunnel: z.enum(TUNNEL_KINDS).nullable(),
});
export type FlowRow = z.infer<typeof flowRowSchema>;

export const talkerRowSchema = z.object({
  address: z.string().max(64),
  bytesIn: count,
  bytesOut: count,
  // Learned from DNS answers seen on the wire (or reverse DNS when enabled).
  name: z.string().max(255).nullable(),
  packetsIn: count,
  packetsOut: count,
});
export type TalkerRow = z.infer<typeof talkerRowSchema>;

export const talkersSchema = z.object({
  local: z.array(talkerRowSchema).max(100),
  localOther: countersSchema,
  remote: z.array(talkerRowSchema).max(100),
  remoteOther: countersSchema,
});
export type Talkers = z.infer<typeof talkersSchema>;

/** Traffic relative to the host's own addresses. `other`: neither end is the host's. */
export const directionSchema = z.object({
  in: countersSchema,
  local: countersSchema,
  other: countersSchema,
  out: countersSchema,
});
export type Direction = z.infer<typeof directionSchema>;

export const qualitySchema = z.object({
  // Packets the interface's own counters (/sys/class/net/<if>/statistics) saw in the interval.
  interfacePackets: count.nullable(),
  // captured / interfacePackets in %, null when the interface has no counters (e.g. `any`).
  coveragePct: z.number().nonnegative().nullable(),
  captured: count,
  // Kernel/libpcap drops in the interval, null where the backend cannot tell.
  drops: count.nullable(),
  // Flows tracked at the end of the interval, and flows evicted in it to keep memory bounded
  // (their traffic stays in flowsOther and the *Other talker buckets).
  flowsActive: count,
  flowsEvicted: count,
  // Frames of link types the agent does not decode, per link type number.
  linkTypes: z.record(z.string(), count),
  // Time from the end of the interval to the report being handed to the publisher.
  publishLagMs: z.number().nonnegative(),
  // Reports waiting to be sent (console unreachable or slow).
  queued: count,
  tunnels: z.object({ gre: count, vxlan: count }),
  undecodable: count,
  undecodableReasons: z.record(z.string(), count),
});
export type Quality = z.infer<typeof qualitySchema>;
