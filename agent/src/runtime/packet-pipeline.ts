// Hot path: written for speed on purpose; one FrameInfo is reused for every packet.
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import type { PacketSink } from '../capture/cap-source';
import { SNAP_LENGTH } from '../capture/cap-source';
import { decodeFrame, wireLength } from '../decode/frame';
import { FrameInfo } from '../decode/frame-info';

/** capture → decode → aggregate, as one callback for the capture source. */
export function createPacketPipeline(accumulator: StatsAccumulator): PacketSink {
  const info = new FrameInfo();
  return (buf, caplen, linkType) => {
    decodeFrame(linkType, buf, caplen, info);
    accumulator.add(info.slot, wireLength(caplen, SNAP_LENGTH, info));
  };
}
