// Hot path: written for speed on purpose; one FrameInfo is reused for every packet, and a batch
// is walked by index over the shared buffer (no view, no allocation per packet or per batch).
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import type { PacketSink } from '../capture/cap-source';
import { SNAP_LENGTH } from '../capture/cap-source';
import type { BatchSink } from '../capture/native-batch';
import { decodeAt, decodeFrame, wireLength } from '../decode/frame';
import { FrameInfo } from '../decode/frame-info';
import { BatchClock } from './batch-clock';

/** capture → decode → classify/aggregate, one call per packet (the `cap` backend). */
export function createPacketPipeline(
  accumulator: StatsAccumulator,
  now: () => number = clockReader(),
): PacketSink {
  const info = new FrameInfo();
  return (buf, caplen, linkType) => {
    decodeFrame(linkType, buf, caplen, info);
    accumulator.add(info, buf, wireLength(caplen, SNAP_LENGTH, info), linkType, now());
  };
}

/**
 * capture → decode → classify/aggregate, one call per batch (the native backend and files): the
 * wire length and the timestamp are libpcap's own for each packet.
 */
export function createBatchPipeline(accumulator: StatsAccumulator): BatchSink {
  const info = new FrameInfo();
  return (batch) => {
    const { buffer, caplens, count, linkType, offsets, origLens, tsMs } = batch;
    for (let i = 0; i < count; i++) {
      decodeAt(linkType, buffer, offsets[i], caplens[i], info);
      accumulator.add(info, buffer, origLens[i], linkType, tsMs[i]);
    }
  };
}

function clockReader(): () => number {
  const clock = new BatchClock();
  return () => clock.read();
}
