// Hot path: written for speed on purpose; one FrameInfo is reused for every packet.
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import type { PacketSink } from '../capture/cap-source';
import { SNAP_LENGTH } from '../capture/cap-source';
import { decodeFrame, wireLength } from '../decode/frame';
import { FrameInfo } from '../decode/frame-info';
import { BatchClock } from './batch-clock';

/** capture → decode → classify/aggregate, as one callback for the capture source. */
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

function clockReader(): () => number {
  const clock = new BatchClock();
  return () => clock.read();
}
