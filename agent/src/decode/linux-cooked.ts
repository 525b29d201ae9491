// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import type { FrameInfo } from './frame-info';
import { decodeNetwork } from './network';
import { SLOT_UNDECODABLE } from './transport-slot';

const SLL_HEADER = 16;
const SLL2_HEADER = 20;

/** Linux cooked capture v1 (the `any` device): protocol type at bytes 14-15. */
export function decodeLinuxSll(buf: Buffer, len: number, out: FrameInfo): void {
  if (len < SLL_HEADER) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  decodeNetwork((buf[14] << 8) | buf[15], buf, len, SLL_HEADER, out);
}

/** Linux cooked capture v2: protocol type at bytes 0-1. */
export function decodeLinuxSll2(buf: Buffer, len: number, out: FrameInfo): void {
  if (len < SLL2_HEADER) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  decodeNetwork((buf[0] << 8) | buf[1], buf, len, SLL2_HEADER, out);
}
