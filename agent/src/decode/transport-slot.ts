import { TRANSPORT_NAMES, type TransportName } from '@nta/contracts';

// Slots are small ints so the per-packet path indexes typed arrays instead of objects.
export const SLOT_TCP = 0;
export const SLOT_UDP = 1;
export const SLOT_ICMP = 2;
export const SLOT_ICMPV6 = 3;
export const SLOT_ARP = 4;
export const SLOT_OTHER = 5;
export const SLOT_UNDECODABLE = 6;
export const SLOT_COUNT = 6;

// Same order as the slot numbers above.
export const SLOT_NAMES: readonly TransportName[] = TRANSPORT_NAMES;

export function slotName(slot: number): TransportName | 'undecodable' {
  return slot >= 0 && slot < SLOT_COUNT ? SLOT_NAMES[slot] : 'undecodable';
}
