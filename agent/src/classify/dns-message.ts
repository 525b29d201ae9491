// Runs only on packets of DNS-like flows (and on the first payloads of unclassified ones):
// validation reads in place; text is made only for names worth keeping.
import { ipv4FromBytes, ipv6FromBytes } from '../aggregate/ip-address';
import { u16 } from './payload-bytes';

const HEADER = 12;
const MAX_NAME = 255;
const TYPE_A = 1;
const TYPE_AAAA = 28;

export const DNS_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  64: 'SVCB',
  65: 'HTTPS',
  255: 'ANY',
};

/** End offset of the (uncompressed) name at `off`, or -1 unless it is plausible host-name text. */
function skipPlainName(buf: Buffer, off: number, end: number): number {
  let p = off;
  let total = 0;
  for (;;) {
    if (p >= end) return -1;
    const n = buf[p];
    if (n === 0) return p + 1;
    if (n > 63) return -1;
    total += n + 1;
    if (total > MAX_NAME || p + 1 + n > end) return -1;
    for (let i = p + 1; i <= p + n; i++) {
      const b = buf[i];
      if (b <= 0x20 || b >= 0x7f) return -1;
    }
    p += 1 + n;
  }
}

/** End offset of a possibly compressed name at `off`, or -1. */
function skipName(buf: Buffer, off: number, end: number): number {
  let p = off;
  for (let labels = 0; labels < 128; labels++) {
    if (p >= end) return -1;
    const n = buf[p];
    if (n === 0) return p + 1;
    if ((n & 0xc0) === 0xc0) return p + 2 <= end ? p + 2 : -1;
    if (n > 63) return -1;
    p += 1 + n;
  }
  return -1;
}

/**
 * A strict look at a DNS message (header + first question) at `off`: strict enough to call
 * DNS on any port, e.g. a resolver on a high port. `tcp`: preceded by a 2-byte length.
 */
export function isDnsMessage(buf: Buffer, off: number, len: number, tcp: boolean): boolean {
  let start = off;
  const end = off + len;
  if (tcp) {
    if (len < 2 || u16(buf, off) !== len - 2) return false;
    start += 2;
  }
  if (end - start < HEADER + 5) return false;
  const flags = u16(buf, start + 2);
  const opcode = (flags >>> 11) & 0x0f;
  if (opcode !== 0 && opcode !== 2 && opcode !== 4 && opcode !== 5) return false;
  const qd = u16(buf, start + 4);
  const records = u16(buf, start + 6) + u16(buf, start + 8) + u16(buf, start + 10);
  if (qd < 1 || qd > 4 || records > 256) return false;
  const qEnd = skipPlainName(buf, start + HEADER, end);
  if (qEnd < 0 || qEnd + 4 > end || qEnd === start + HEADER + 1) return false;
  const qclass = u16(buf, qEnd + 2) & 0x7fff;
  if (qclass !== 1 && qclass !== 3 && qclass !== 4 && qclass !== 254 && qclass !== 255) {
    return false;
  }
  // A query carries few records (mDNS known-answer lists are the exception).
  return (flags & 0x8000) !== 0 || records <= 32;
}

export function isDnsResponse(buf: Buffer, off: number, len: number, tcp: boolean): boolean {
  const start = tcp ? off + 2 : off;
  return len >= (tcp ? 14 : 12) && (buf[start + 2] & 0x80) !== 0;
}

/** Reads the name at `off` (following compression pointers inside the message). */
export function readDnsName(buf: Buffer, msgStart: number, off: number, end: number): string {
  const labels: string[] = [];
  let p = off;
  for (let hops = 0; hops < 128 && p < end; hops++) {
    const n = buf[p];
    if (n === 0) break;
    if ((n & 0xc0) === 0xc0) {
      if (p + 1 >= end) break;
      p = msgStart + (((n & 0x3f) << 8) | buf[p + 1]);
      continue;
    }
    if (p + 1 + n > end) break;
    labels.push(buf.toString('latin1', p + 1, p + 1 + n));
    p += 1 + n;
  }
  return labels.join('.').slice(0, MAX_NAME);
}

export interface DnsQuestion {
  name: string;
  response: boolean;
  type: number;
}

export function readDnsQuestion(
  buf: Buffer,
  off: number,
  len: number,
  tcp: boolean,
): DnsQuestion | null {
  if (!isDnsMessage(buf, off, len, tcp)) return null;
  const start = tcp ? off + 2 : off;
  const end = off + len;
  const qEnd = skipPlainName(buf, start + HEADER, end);
  return {
    name: readDnsName(buf, start, start + HEADER, end),
    response: (buf[start + 2] & 0x80) !== 0,
    type: u16(buf, qEnd),
  };
}

export interface DnsAnswer {
  address: string;
  name: string;
}

/**
 * Address records of a response, each named by the question (the name a user asked for, not
 * the CNAME target it led to).
 */
export function readDnsAnswers(buf: Buffer, off: number, len: number, tcp: boolean): DnsAnswer[] {
  const question = readDnsQuestion(buf, off, len, tcp);
  if (!question?.response || question.name === '') return [];
  const start = tcp ? off + 2 : off;
  const end = off + len;
  if ((buf[start + 3] & 0x0f) !== 0) return [];
  let p = start + HEADER;
  for (let q = u16(buf, start + 4); q > 0; q--) {
    p = skipName(buf, p, end);
    if (p < 0 || p + 4 > end) return [];
    p += 4;
  }
  const out: DnsAnswer[] = [];
  for (let a = u16(buf, start + 6); a > 0; a--) {
    p = skipName(buf, p, end);
    if (p < 0 || p + 10 > end) break;
    const type = u16(buf, p);
    const rdLength = u16(buf, p + 8);
    const rdata = p + 10;
    if (rdata + rdLength > end) break;
    if (type === TYPE_A && rdLength === 4) {
      out.push({ address: ipv4FromBytes(buf, rdata), name: question.name });
    } else if (type === TYPE_AAAA && rdLength === 16) {
      out.push({ address: ipv6FromBytes(buf, rdata), name: question.name });
    }
    p = rdata + rdLength;
  }
  return out;
}
