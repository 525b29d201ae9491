// Hand-built frames for the decoder specs: just enough header bytes to be realistic.

export const MAC_A = [0x02, 0, 0, 0, 0, 0x0a];
export const MAC_B = [0x02, 0, 0, 0, 0, 0x0b];

export function tcpHeader(payload = 0): number[] {
  const h = new Array<number>(20 + payload).fill(0);
  h[0] = 0x30; // src port 12345 high byte-ish
  h[12] = 0x50; // data offset 5 words
  return h;
}

export function udpHeader(payload = 4): number[] {
  const h = new Array<number>(8 + payload).fill(0);
  h[5] = 8 + payload;
  return h;
}

export function icmpEcho(): number[] {
  return [8, 0, 0, 0, 0, 1, 0, 1, 0xde, 0xad];
}

export function ipv4(protocol: number, body: number[], fragmentOffset = 0): number[] {
  const total = 20 + body.length;
  return [
    0x45,
    0,
    total >> 8,
    total & 0xff,
    0,
    1,
    (fragmentOffset >> 8) & 0x1f,
    fragmentOffset & 0xff,
    64,
    protocol,
    0,
    0,
    10,
    250,
    0,
    1,
    10,
    250,
    0,
    2,
    ...body,
  ];
}

export function ipv6(nextHeader: number, body: number[]): number[] {
  const h = new Array<number>(40).fill(0);
  h[0] = 0x60;
  h[4] = body.length >> 8;
  h[5] = body.length & 0xff;
  h[6] = nextHeader;
  h[7] = 64;
  h[23] = 1;
  h[39] = 2;
  return [...h, ...body];
}

/** An 8-byte IPv6 extension header (hop-by-hop, destination options, routing). */
export function ipv6Extension(nextHeader: number): number[] {
  return [nextHeader, 0, 0, 0, 0, 0, 0, 0];
}

export function arpRequest(): number[] {
  return [0, 1, 8, 0, 6, 4, 0, 1, ...MAC_A, 10, 250, 0, 1, 0, 0, 0, 0, 0, 0, 10, 250, 0, 2];
}

/** Ethernet II frame; each tag is [TPID, VLAN id]. */
export function ethernet(etherType: number, body: number[], tags: [number, number][] = []): Buffer {
  const tagBytes = tags.flatMap(([tpid, vid]) => [tpid >> 8, tpid & 0xff, vid >> 8, vid & 0xff]);
  return Buffer.from([...MAC_B, ...MAC_A, ...tagBytes, etherType >> 8, etherType & 0xff, ...body]);
}

export function linuxSll(protocol: number, body: number[]): Buffer {
  return Buffer.from([0, 0, 0, 1, 0, 6, ...MAC_A, 0, 0, protocol >> 8, protocol & 0xff, ...body]);
}

/** DLT_NULL header: the address family in little-endian host order, as on x86. */
export function nullLoopback(family: number, body: number[]): Buffer {
  return Buffer.from([family, 0, 0, 0, ...body]);
}
