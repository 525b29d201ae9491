// Payload signatures, run on the first few payloads of a flow only. Each reads in place.
import { isDnsMessage } from './dns-message';
import { isHttpMessage } from './http-message';
import { startsWithAscii, u16, u32 } from './payload-bytes';
import { isTlsHello, isTlsRecord } from './tls-client-hello';

/** True when the transport payload buf[off, off+len) looks like the protocol. */
export type PayloadMatcher = (buf: Buffer, off: number, len: number, tcp: boolean) => boolean;

const ascii =
  (...prefixes: string[]): PayloadMatcher =>
  (buf, off, len) =>
    prefixes.some((p) => startsWithAscii(buf, off, off + len, p));

export const anyOf =
  (...matchers: PayloadMatcher[]): PayloadMatcher =>
  (buf, off, len, tcp) =>
    matchers.some((m) => m(buf, off, len, tcp));

export const dns: PayloadMatcher = isDnsMessage;
export const http: PayloadMatcher = (buf, off, len) => isHttpMessage(buf, off, len);
export const tlsHello: PayloadMatcher = (buf, off, len) => isTlsHello(buf, off, len);
export const tlsRecord: PayloadMatcher = (buf, off, len) => isTlsRecord(buf, off, len);
export const ssh = ascii('SSH-1.', 'SSH-2.');
export const vnc = ascii('RFB 003.');
export const amqp = ascii('AMQP\0');
export const ssdp = ascii('M-SEARCH * HTTP/1.1', 'NOTIFY * HTTP/1.1', 'HTTP/1.1 200 OK');
export const smtp = ascii('EHLO ', 'HELO ', '220 ', '250-', '250 ');
export const imap = anyOf(ascii('* OK', '* PREAUTH', 'a001 '), tlsRecord);
export const pop3 = anyOf(ascii('+OK', 'USER ', 'CAPA'), tlsRecord);
export const ftp = ascii('220', 'USER ', '230 ', '331 ');
export const sip = ascii('SIP/2.0 ', 'INVITE sip:', 'REGISTER sip:', 'OPTIONS sip:', 'BYE sip:');

// QUIC long header (Initial/Handshake) with version 1, 2 or a draft; short headers carry no
// version, so only the port names those.
export const quic: PayloadMatcher = (buf, off, len, tcp) => {
  if (tcp || len < 7 || (buf[off] & 0xc0) !== 0xc0) return false;
  const version = u32(buf, off + 1);
  const known = version === 1 || version === 0x6b3343cf || version >>> 8 === 0xff0000;
  return known && buf[off + 5] <= 20;
};

export const dhcp: PayloadMatcher = (buf, off, len) =>
  len >= 240 && (buf[off] === 1 || buf[off] === 2) && u32(buf, off + 236) === 0x63825363;

export const ntp: PayloadMatcher = (buf, off, len) => {
  const version = (buf[off] >>> 3) & 7;
  const mode = buf[off] & 7;
  return len >= 48 && version >= 1 && version <= 4 && mode >= 1 && mode <= 5;
};

// SMB1/2/3 behind the 4-byte NetBIOS session header.
export const smb: PayloadMatcher = (buf, off, len) =>
  len >= 8 &&
  buf[off] === 0 &&
  (buf[off + 4] === 0xff || buf[off + 4] === 0xfe || buf[off + 4] === 0xfd) &&
  startsWithAscii(buf, off + 5, off + len, 'SMB');

// TPKT version 3 with a length matching the segment.
export const rdp: PayloadMatcher = (buf, off, len) =>
  len >= 11 && buf[off] === 3 && buf[off + 1] === 0 && u16(buf, off + 2) === len;

// Server greeting: 3-byte length, sequence 0, protocol version 10.
export const mysql: PayloadMatcher = (buf, off, len) =>
  len >= 10 &&
  buf[off] + (buf[off + 1] << 8) + (buf[off + 2] << 16) === len - 4 &&
  buf[off + 3] === 0 &&
  buf[off + 4] === 10;

// StartupMessage (protocol 3.0), SSLRequest or GSSENCRequest, each with an exact length.
export const postgresql: PayloadMatcher = (buf, off, len) => {
  if (len < 8 || u32(buf, off) !== len) return false;
  const code = u32(buf, off + 4);
  return code === 0x00030000 || code === 80877103 || code === 80877104;
};

// RESP array of bulk strings (`*1\r\n$4\r\nPING`) or a simple reply.
export const redis: PayloadMatcher = (buf, off, len) =>
  (len >= 8 &&
    buf[off] === 0x2a &&
    buf[off + 1] >= 0x31 &&
    buf[off + 1] <= 0x39 &&
    (startsWithAscii(buf, off + 2, off + len, '\r\n$') ||
      startsWithAscii(buf, off + 3, off + len, '\r\n$'))) ||
  startsWithAscii(buf, off, off + len, '+PONG') ||
  startsWithAscii(buf, off, off + len, '-NOAUTH');

// Wire message header: length matches, a known opcode (OP_MSG, OP_QUERY, OP_REPLY).
export const mongodb: PayloadMatcher = (buf, off, len) => {
  if (len < 16 || buf.readUInt32LE(off) !== len) return false;
  const op = buf.readUInt32LE(off + 12);
  return op === 2013 || op === 2004 || op === 1;
};

// CONNECT with protocol name MQTT (3.1.1/5) or MQIsdp (3.1).
export const mqtt: PayloadMatcher = (buf, off, len) => {
  if (len < 12 || buf[off] !== 0x10) return false;
  let p = off + 1;
  while (p < off + 5 && buf[p] & 0x80) p++;
  p++;
  return (
    startsWithAscii(buf, p, off + len, '\0\x04MQTT') ||
    startsWithAscii(buf, p, off + len, '\0\x06MQIsdp')
  );
};

// BGP messages start with a 16-byte all-ones marker.
export const bgp: PayloadMatcher = (buf, off, len) => {
  if (len < 19) return false;
  for (let i = 0; i < 16; i++) if (buf[off + i] !== 0xff) return false;
  return true;
};

// BER SEQUENCE followed by an INTEGER (LDAP messageID, SNMP version).
const berSequenceInt: PayloadMatcher = (buf, off, len) =>
  len >= 7 &&
  buf[off] === 0x30 &&
  (buf[off + 2] === 0x02 || buf[off + 3] === 0x02 || buf[off + 4] === 0x02);
export const ldap = anyOf(berSequenceInt, tlsRecord);
export const snmp = berSequenceInt;

// Kerberos messages are ASN.1 APPLICATION tags 10-15, 20-22, 30 (TCP adds a 4-byte length).
export const kerberos: PayloadMatcher = (buf, off, len, tcp) => {
  const p = tcp ? off + 4 : off;
  if (len < (tcp ? 8 : 4)) return false;
  const tag = buf[p];
  return (tag >= 0x6a && tag <= 0x6f) || tag === 0x74 || tag === 0x75 || tag === 0x7e;
};

// `<PRI>` with a priority of at most 191.
export const syslog: PayloadMatcher = (buf, off, len) => {
  if (len < 4 || buf[off] !== 0x3c) return false;
  let p = off + 1;
  let pri = 0;
  while (p < off + Math.min(len, 5) && buf[p] >= 0x30 && buf[p] <= 0x39)
    pri = pri * 10 + buf[p++] - 0x30;
  return p > off + 1 && buf[p] === 0x3e && pri <= 191;
};

// Handshake initiation/response/cookie with their fixed sizes, or transport data.
export const wireguard: PayloadMatcher = (buf, off, len) => {
  if (len < 32 || buf[off + 1] !== 0 || buf[off + 2] !== 0 || buf[off + 3] !== 0) return false;
  const type = buf[off];
  return (
    (type === 1 && len === 148) ||
    (type === 2 && len === 92) ||
    (type === 3 && len === 64) ||
    (type === 4 && (len - 16) % 16 === 0)
  );
};

// VXLAN header: the I flag set, reserved bits clear.
export const vxlan: PayloadMatcher = (buf, off, len) =>
  len >= 8 && buf[off] === 0x08 && buf[off + 7] === 0;

// OpenVPN over UDP: opcode in the top 5 bits (1-10), key id in the low 3.
export const openvpn: PayloadMatcher = (buf, off, len, tcp) => {
  const op = buf[tcp ? off + 2 : off] >>> 3;
  return len >= 14 && op >= 1 && op <= 10;
};

// IKE header: exchange type 34-37 (IKEv2) or 2-5 (IKEv1) at byte 18.
export const ike: PayloadMatcher = (buf, off, len) => {
  if (len < 28) return false;
  const p = u32(buf, off) === 0 ? off + 4 : off; // NAT-T non-ESP marker on 4500
  const version = buf[p + 17];
  return version === 0x20 || version === 0x10;
};

export const telnet: PayloadMatcher = (buf, off, len) =>
  len >= 3 && buf[off] === 0xff && buf[off + 1] >= 0xfb && buf[off + 1] <= 0xfe;

// NetBIOS name service header with a single question or answer, or a session header.
export const netbios: PayloadMatcher = (buf, off, len, tcp) =>
  tcp
    ? len >= 4 && (buf[off] === 0 || buf[off] === 0x81 || buf[off] === 0x82 || buf[off] === 0x85)
    : len >= 12;

// RTP version 2 with a payload type outside RTCP's range.
export const rtp: PayloadMatcher = (buf, off, len) =>
  len >= 12 && buf[off] >>> 6 === 2 && (buf[off + 1] & 0x7f) < 72;
