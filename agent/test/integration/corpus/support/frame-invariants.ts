import type { FlowTuple, FrameInfo } from '../../../../src/decode/frame-info';
import { SLOT_UNDECODABLE } from '../../../../src/decode/transport-slot';
import { REASON_NAMES, REASON_NONE } from '../../../../src/decode/undecodable-reason';

/**
 * What must hold for every decoded frame of `len` captured bytes: decoded xor a known reason,
 * and every offset the decoder reports inside the captured bytes. Returns the broken rule.
 */
export function frameViolation(info: FrameInfo, len: number): string | null {
  if (info.slot < 0 || info.slot > SLOT_UNDECODABLE) return `slot ${info.slot} out of range`;
  if ((info.slot === SLOT_UNDECODABLE) !== (info.reason !== REASON_NONE)) {
    return `slot ${info.slot} with reason ${info.reason}`;
  }
  if (info.reason < 0 || info.reason >= REASON_NAMES.length) return `unknown reason ${info.reason}`;
  if (info.l3Offset < -1 || info.l3Offset > len) return `l3Offset ${info.l3Offset} of ${len}`;
  return tupleViolation('outer', info.outer, len) ?? tupleViolation('inner', info.inner, len);
}

function tupleViolation(name: string, t: FlowTuple, len: number): string | null {
  if (t.payloadOffset === -1) {
    return t.payloadLength === 0 ? null : `${name} payload length ${t.payloadLength} at -1`;
  }
  if (t.payloadOffset < 0 || t.payloadLength < 0 || t.payloadOffset + t.payloadLength > len) {
    return `${name} payload ${t.payloadOffset}+${t.payloadLength} of ${len}`;
  }
  return null;
}
