// The batch view handed to consumers: one object per handle, refilled in place by the addon.
import type { NativeHandle } from './native-binding';

/**
 * Packets of one batch: packet i is `buffer[offsets[i], offsets[i] + caplens[i])`, `origLens[i]`
 * bytes on the wire, captured at `tsMs[i]` (ms since the epoch, µs precision). Everything is
 * reused by the next batch, so it is valid only during the onBatch call.
 */
export interface PacketBatch {
  readonly buffer: Buffer;
  readonly caplens: Uint32Array;
  count: number;
  readonly linkType: number;
  readonly offsets: Uint32Array;
  readonly origLens: Uint32Array;
  readonly snapLength: number;
  readonly tsMs: Float64Array;
}

export type BatchSink = (batch: PacketBatch) => void;

export function batchOf(handle: NativeHandle): PacketBatch {
  return {
    buffer: Buffer.from(handle.data),
    caplens: handle.caplens,
    count: 0,
    linkType: handle.linkType(),
    offsets: handle.offsets,
    origLens: handle.origLens,
    snapLength: handle.snapLength(),
    tsMs: handle.tsMs,
  };
}

/** Starts the handle so that each native batch reaches `sink` through the same reused object. */
export function startBatches(
  handle: NativeHandle,
  sink: BatchSink,
  onEnd: (error: Error | null) => void,
): PacketBatch {
  const batch = batchOf(handle);
  handle.start((count) => {
    batch.count = count;
    sink(batch);
  }, onEnd);
  return batch;
}
