// Hot path helpers: compare bytes in place, never slice or decode the Buffer.

/** True when `buf` holds the ASCII `text` at `off` (within `end`). */
export function startsWithAscii(buf: Buffer, off: number, end: number, text: string): boolean {
  if (off + text.length > end) return false;
  for (let i = 0; i < text.length; i++) {
    if (buf[off + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** Index of `byte` in [off, end), or -1. */
export function indexOfByte(buf: Buffer, off: number, end: number, byte: number): number {
  for (let i = off; i < end; i++) if (buf[i] === byte) return i;
  return -1;
}

export function u16(buf: Buffer, off: number): number {
  return (buf[off] << 8) | buf[off + 1];
}

export function u32(buf: Buffer, off: number): number {
  return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}

/** Printable ASCII without spaces: what host names, methods and tokens are made of. */
export function isTokenByte(b: number): boolean {
  return b > 0x20 && b < 0x7f;
}
