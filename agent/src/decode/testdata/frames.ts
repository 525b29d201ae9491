// Hand-built frames for the decoder specs: just enough header bytes to be realistic.

export const MAC_A = [0x02, 0, 0, 0, 0, 0x0a];
export const MAC_B = [0x02, 0, 0, 0, 0, 0x0b];
export const IPV4_A = [10, 250, 0, 1];
export const IPV4_B = [10, 250, 0, 2];

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];

export interface TcpOptions {
  dstPort?: number;
  flags?: number;
  // 32-bit words of TCP options (each 4 NOP-like bytes).
  optionWords?: number;
  srcPort?: number;
}

export function tcpHeader(payload = 0, opts: TcpOptions = {}): number[] {
  const words = opts.optionWords ?? 0;
  const h = new Array<number>(20 + 4 * words + payload).fill(0);
  h.splice(0, 4, ...u16(opts.srcPort ?? 12345), ...u16(opts.dstPort ?? 80));
  h[12] = (5 + words) << 4;
  h[13] = opts.flags ?? TCP_ACK;
  for (let i = 20; i < 20 + 4 * words; i++) h[i] = 1;
  return h;
}

export function udpHeader(payload = 4, srcPort = 5353, dstPort = 53): number[] {
  const h = new Array<number>(8 + payload).fill(0xab);
  h.splice(0, 8, ...u16(srcPort), ...u16(dstPort), ...u16(8 + payload), 0, 0);
  return h;
}

export function icmpEcho(type = 8): number[] {
  return [type, 0, 0, 0, 0, 1, 0, 1, 0xde, 0xad];
}

export function sctpHeader(srcPort = 2905, dstPort = 2906): number[] {
  // Common header, then one DATA-like chunk header.
  return [...u16(srcPort), ...u16(dstPort), 0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 0, 8, 1, 2, 3, 4];
}

export function espHeader(): number[] {
  return [0, 0, 0x10, 0x01, 0, 0, 0, 7, 0xca, 0xfe, 0xba, 0xbe];
}

export interface Ipv4Options {
  dst?: number[];
  // Fragment offset in 8-byte units.
  fragmentOffset?: number;
  moreFragments?: boolean;
  // 32-bit words of IP options.
  optionWords?: number;
  src?: number[];
  totalLength?: number;
}

export function ipv4(protocol: number, body: number[], opts: Ipv4Options | number = {}): number[] {
  const o = typeof opts === 'number' ? { fragmentOffset: opts } : opts;
  const words = o.optionWords ?? 0;
  const headerLength = 20 + 4 * words;
  const total = o.totalLength ?? headerLength + body.length;
  const frag = (o.fragmentOffset ?? 0) | (o.moreFragments ? 0x2000 : 0);
  const options = new Array<number>(4 * words).fill(1);
  return [
    0x40 | (headerLength >> 2),
    0,
    ...u16(total),
    0,
    1,
    ...u16(frag),
    64,
    protocol,
    0,
    0,
    ...(o.src ?? IPV4_A),
    ...(o.dst ?? IPV4_B),
    ...options,
    ...body,
  ];
}

export function ipv6(nextHeader: number, body: number[], payloadLength = body.length): number[] {
  const h = new Array<number>(40).fill(0);
  h[0] = 0x60;
  h[4] = payloadLength >> 8;
  h[5] = payloadLength & 0xff;
  h[6] = nextHeader;
  h[7] = 64;
  h[8] = 0x20;
  h[9] = 0x01;
  h[23] = 1;
  h[24] = 0x20;
  h[25] = 0x01;
  h[39] = 2;
  return [...h, ...body];
}

/** An IPv6 extension header (hop-by-hop, destination options, routing) of 8 × (units) bytes. */
export function ipv6Extension(nextHeader: number, units = 1): number[] {
  const h = new Array<number>(8 * units).fill(0);
  h[0] = nextHeader;
  h[1] = units - 1;
  return h;
}

/** IPv6 fragment header; offset in 8-byte units. */
export function ipv6Fragment(nextHeader: number, offset: number, more = false): number[] {
  return [nextHeader, 0, ...u16((offset << 3) | (more ? 1 : 0)), 0, 0, 0, 42];
}

/** IPv4 / IPv6 authentication header (12 bytes: 3 words, length field 1). */
export function authHeader(nextHeader: number): number[] {
  return [nextHeader, 1, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1];
}

export function arpRequest(op = 1): number[] {
  return [0, 1, 8, 0, 6, 4, ...u16(op), ...MAC_A, ...IPV4_A, 0, 0, 0, 0, 0, 0, ...IPV4_B];
}

/** GRE header with the optional checksum / key / sequence words of the given flags. */
export function greHeader(protocol: number, flags = 0, version = 0): number[] {
  const h = [flags, version, ...u16(protocol)];
  if (flags & 0xc0) h.push(0, 0, 0, 0);
  if (flags & 0x20) h.push(0, 0, 0, 5);
  if (flags & 0x10) h.push(0, 0, 0, 6);
  return h;
}

export function vxlanHeader(vni = 42): number[] {
  return [0x08, 0, 0, 0, (vni >> 16) & 0xff, (vni >> 8) & 0xff, vni & 0xff, 0];
}

/** Ethernet II bytes; each tag is [TPID, VLAN id]. */
export function ethernetBytes(
  etherType: number,
  body: number[],
  tags: [number, number][] = [],
): number[] {
  const tagBytes = tags.flatMap(([tpid, vid]) => [...u16(tpid), ...u16(vid)]);
  return [...MAC_B, ...MAC_A, ...tagBytes, ...u16(etherType), ...body];
}

export function ethernet(etherType: number, body: number[], tags: [number, number][] = []): Buffer {
  return Buffer.from(ethernetBytes(etherType, body, tags));
}

export function linuxSll(protocol: number, body: number[]): Buffer {
  return Buffer.from([0, 0, 0, 1, 0, 6, ...MAC_A, 0, 0, ...u16(protocol), ...body]);
}

export function linuxSll2(protocol: number, body: number[]): Buffer {
  return Buffer.from([...u16(protocol), 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, ...MAC_A, 0, 0, ...body]);
}

/** DLT_NULL header: the address family in little-endian host order, as on x86. */
export function nullLoopback(family: number, body: number[]): Buffer {
  return Buffer.from([family, 0, 0, 0, ...body]);
}
