// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import type { FrameInfo } from './frame-info';
import { decodeNetwork } from './network';
import { SLOT_UNDECODABLE } from './transport-slot';

const ETHERTYPE_VLAN = 0x8100;
const ETHERTYPE_QINQ = 0x88a8;
const ETHERTYPE_QINQ_OLD = 0x9100;
const ETHERNET_HEADER = 14;
const VLAN_TAG = 4;
// QinQ is two tags; allow a third for odd carrier setups, then call it malformed.
const MAX_VLAN_TAGS = 3;

/** Ethernet II with any 802.1Q / 802.1ad tags in front of the EtherType. */
export function decodeEthernet(buf: Buffer, len: number, out: FrameInfo): void {
  if (len < ETHERNET_HEADER) {
    out.slot = SLOT_UNDECODABLE;
    return;
  }
  let off = 12;
  let etherType = (buf[off] << 8) | buf[off + 1];
  let tags = 0;
  while (
    etherType === ETHERTYPE_VLAN ||
    etherType === ETHERTYPE_QINQ ||
    etherType === ETHERTYPE_QINQ_OLD
  ) {
    off += VLAN_TAG;
    if (++tags > MAX_VLAN_TAGS || off + 2 > len) {
      out.slot = SLOT_UNDECODABLE;
      return;
    }
    etherType = (buf[off] << 8) | buf[off + 1];
  }
  decodeNetwork(etherType, buf, len, off + 2, out);
}
