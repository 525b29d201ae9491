// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { readU16 } from './bytes';
import type { FrameInfo } from './frame-info';
import { decodeNetwork } from './network';
import { REASON_TRUNCATED } from './undecodable-reason';

const SLL_HEADER = 16;
const SLL2_HEADER = 20;

/** Linux cooked capture v1 (the `any` device): protocol type at bytes 14-15. */
export function decodeLinuxSll(buf: Buffer, len: number, off: number, out: FrameInfo): number {
  if (off + SLL_HEADER > len) return REASON_TRUNCATED;
  return decodeNetwork(readU16(buf, off + 14), buf, len, off + SLL_HEADER, out, out.outer, false);
}

/** Linux cooked capture v2: protocol type at bytes 0-1. */
export function decodeLinuxSll2(buf: Buffer, len: number, off: number, out: FrameInfo): number {
  if (off + SLL2_HEADER > len) return REASON_TRUNCATED;
  return decodeNetwork(readU16(buf, off), buf, len, off + SLL2_HEADER, out, out.outer, false);
}
