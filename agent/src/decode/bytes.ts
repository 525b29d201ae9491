// Hot path: big-endian reads straight from the Buffer, without the bounds checks (and throws) of
// Buffer.readUInt*; every caller has checked that the bytes were captured.
export function readU16(buf: Buffer, off: number): number {
  return (buf[off] << 8) | buf[off + 1];
}

export function readU32(buf: Buffer, off: number): number {
  return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}
