// describePacket() runs only for sampled packets (a bounded number per second) and may make
// text; isNotable() runs per packet of DNS/TLS/HTTP flows and only reads bytes.
import type { FlowTuple, FrameInfo } from '../decode/frame-info';
import { formatIpv4 } from '../aggregate/ip-address';
import { APP_ARP, APP_DNS, APP_HTTP, APP_LLMNR, APP_MDNS, APP_TLS } from './app-id';
import { DNS_TYPE_NAMES, readDnsQuestion } from './dns-message';
import { readHttpRequest } from './http-message';
import { isTlsClientHello, readTlsSni } from './tls-client-hello';

const IPPROTO_TCP = 6;
const IPPROTO_ICMP = 1;
const IPPROTO_ICMPV6 = 58;
const FLAG_LETTERS = 'FSRPAUEC';

const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: 'echo reply',
  3: 'destination unreachable',
  5: 'redirect',
  8: 'echo request',
  11: 'time exceeded',
};
const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  128: 'echo request',
  129: 'echo reply',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbor solicitation',
  136: 'neighbor advertisement',
};

/** TCP flag byte as letters in the order FSRPAUEC (bit 0 = FIN … bit 7 = CWR). */
export function tcpFlagLetters(flags: number): string {
  let out = '';
  for (let bit = 0; bit < 8; bit++) if (flags & (1 << bit)) out += FLAG_LETTERS[bit];
  return out;
}

export function isDnsApp(app: number): boolean {
  return app === APP_DNS || app === APP_MDNS || app === APP_LLMNR;
}

/** Packets whose text is worth a sample slot of its own: DNS, TLS ClientHello, HTTP request. */
export function isNotable(app: number, t: FlowTuple, buf: Buffer): boolean {
  const off = t.payloadOffset;
  const len = t.payloadLength;
  if (len <= 0) return false;
  if (isDnsApp(app)) return true;
  if (app === APP_TLS) return isTlsClientHello(buf, off, len);
  // Request methods start with an upper-case letter; responses with 'H'.
  return app === APP_HTTP && buf[off] >= 0x41 && buf[off] <= 0x5a && buf[off] !== 0x48;
}

/** One line for the live packet table: DNS query, TLS SNI, HTTP host+path, flags, ICMP type. */
export function describePacket(info: FrameInfo, app: number, buf: Buffer): string {
  if (app === APP_ARP) return describeArp(info);
  const t = info.outer;
  const off = t.payloadOffset;
  const len = t.payloadLength;
  const tcp = t.ipProto === IPPROTO_TCP;
  if (len > 0) {
    if (isDnsApp(app)) {
      const q = readDnsQuestion(buf, off, len, tcp);
      if (q)
        return `${q.response ? 'response' : 'query'} ${DNS_TYPE_NAMES[q.type] ?? `type ${q.type}`} ${q.name}`;
    } else if (app === APP_TLS) {
      const sni = readTlsSni(buf, off, len);
      if (sni !== null) return `ClientHello SNI ${sni}`;
    } else if (app === APP_HTTP) {
      const req = readHttpRequest(buf, off, len);
      if (req) return `${req.method} ${req.host ?? ''}${req.path}`;
    }
  }
  if (t.ipProto === IPPROTO_ICMP || t.ipProto === IPPROTO_ICMPV6) {
    const names = t.ipProto === IPPROTO_ICMP ? ICMP_TYPES : ICMPV6_TYPES;
    return names[t.icmpType] ?? `type ${t.icmpType} code ${t.icmpCode}`;
  }
  const ports = t.srcPort >= 0 ? `${t.srcPort} → ${t.dstPort}` : info.fragment ? 'fragment' : '';
  if (tcp) return `${ports} [${tcpFlagLetters(t.tcpFlags)}]${len > 0 ? ` len ${len}` : ''}`;
  return len > 0 ? `${ports} len ${len}` : ports;
}

function describeArp(info: FrameInfo): string {
  const sender = formatIpv4(info.outer.src[0]);
  const target = formatIpv4(info.outer.dst[0]);
  if (info.arpOp === 1) return `who-has ${target} tell ${sender}`;
  if (info.arpOp === 2) return `${sender} is-at`;
  return `op ${info.arpOp}`;
}
