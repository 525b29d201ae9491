// Hot path: slot lookups are plain int switches, no allocation.
import { TRANSPORT_NAMES, type TransportName } from '@nta/contracts';

// Slots are small ints so the per-packet path indexes typed arrays instead of objects.
// Same order as TRANSPORT_NAMES in @nta/contracts.
export const SLOT_TCP = 0;
export const SLOT_UDP = 1;
export const SLOT_ICMP = 2;
export const SLOT_ICMPV6 = 3;
export const SLOT_ARP = 4;
export const SLOT_SCTP = 5;
export const SLOT_GRE = 6;
export const SLOT_ESP = 7;
export const SLOT_OTHER = 8;
export const SLOT_UNDECODABLE = 9;
export const SLOT_COUNT = 9;

export const SLOT_NAMES: readonly TransportName[] = TRANSPORT_NAMES;

export function slotName(slot: number): TransportName | 'undecodable' {
  return slot >= 0 && slot < SLOT_COUNT ? SLOT_NAMES[slot] : 'undecodable';
}

/** The slot of an IP protocol number (anything not listed is `other`). */
export function slotOfIpProto(ipProto: number): number {
  switch (ipProto) {
    case 6:
      return SLOT_TCP;
    case 17:
      return SLOT_UDP;
    case 1:
      return SLOT_ICMP;
    case 58:
      return SLOT_ICMPV6;
    case 132:
      return SLOT_SCTP;
    case 47:
      return SLOT_GRE;
    case 50:
      return SLOT_ESP;
    default:
      return SLOT_OTHER;
  }
}
