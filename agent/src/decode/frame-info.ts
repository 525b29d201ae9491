import { SLOT_UNDECODABLE } from './transport-slot';

// One instance is reused for every packet; decoders overwrite its fields, never allocate.
// Later layers (ports, addresses) add fields here, keeping the same shape for the whole run.
export class FrameInfo {
  // Offset of the IP header, or -1 when the frame carries no IP.
  l3Offset = -1;
  // IP datagram length from its header (0 = unknown), to recover the wire size of snapped frames.
  ipLength = 0;
  slot = SLOT_UNDECODABLE;

  reset(): void {
    this.l3Offset = -1;
    this.ipLength = 0;
    this.slot = SLOT_UNDECODABLE;
  }
}
