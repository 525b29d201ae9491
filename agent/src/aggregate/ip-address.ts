// Addresses travel as 32-bit words (FrameInfo, flow table); text is made only for reports.

export function formatIpv4(word: number): string {
  return `${word >>> 24}.${(word >>> 16) & 0xff}.${(word >>> 8) & 0xff}.${word & 0xff}`;
}

/** RFC 5952 text for the IPv6 address in words[off..off+3]: lower case, longest zero run as ::. */
export function formatIpv6(words: Uint32Array | readonly number[], off = 0): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) {
    const w = words[off + i] >>> 0;
    groups.push(w >>> 16, w & 0xffff);
  }
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIpv4(((groups[6] << 16) | groups[7]) >>> 0)}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatAddress(words: Uint32Array, off: number, version: number): string {
  return version === 6 ? formatIpv6(words, off) : formatIpv4(words[off]);
}

export function ipv4FromBytes(buf: Buffer, off: number): string {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}

export function ipv6FromBytes(buf: Buffer, off: number): string {
  const words = [0, 1, 2, 3].map((i) => buf.readUInt32BE(off + i * 4));
  return formatIpv6(words);
}

/** Parses dotted IPv4 or IPv6 text into four words (IPv4 in word 0); null when not an address. */
export function parseAddress(text: string): { version: 4 | 6; words: Uint32Array } | null {
  const words = new Uint32Array(4);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    words[0] = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
    return { version: 4, words };
  }
  const bare = text.split('%')[0];
  if (!bare.includes(':')) return null;
  const [head, tail, extra] = bare.split('::');
  if (extra !== undefined) return null;
  const toGroups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...new Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  const groups = all.map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  if (groups.some((g) => Number.isNaN(g))) return null;
  for (let i = 0; i < 4; i++) words[i] = ((groups[2 * i] << 16) | groups[2 * i + 1]) >>> 0;
  return { version: 6, words };
}
