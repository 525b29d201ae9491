import { PcapFileReader } from '../../../../src/capture/pcap-file';
import { decodeFrame } from '../../../../src/decode/frame';
import { FrameInfo } from '../../../../src/decode/frame-info';
import { slotName } from '../../../../src/decode/transport-slot';

/** Transport name per slot, or 'undecodable'. */
export type SlotLabel = ReturnType<typeof slotName>;

export interface DecodedPacket {
  // Bytes on the wire (the record's original length).
  bytes: number;
  label: SlotLabel;
  linkType: number;
  reason: number;
}

/** Reads a capture file and decodes every record as the agent does. */
export function decodeFile(path: string): { errors: number; packets: DecodedPacket[] } {
  const reader = PcapFileReader.open(path);
  const info = new FrameInfo();
  const packets: DecodedPacket[] = [];
  for (const record of reader.records()) {
    decodeFrame(record.linkType, record.data, record.caplen, info);
    packets.push({
      bytes: record.origLen,
      label: slotName(info.slot),
      linkType: record.linkType,
      reason: info.reason,
    });
  }
  return { errors: reader.errors, packets };
}
