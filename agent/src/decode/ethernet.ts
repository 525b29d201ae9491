// Hot path: written for speed on purpose (no allocation, reads straight from the Buffer).
import { readU16 } from './bytes';
import type { FlowTuple, FrameInfo } from './frame-info';
import { decodeNetwork } from './network';
import { REASON_TOO_MANY_VLAN_TAGS, REASON_TRUNCATED } from './undecodable-reason';

const ETHERTYPE_VLAN = 0x8100;
const ETHERTYPE_QINQ = 0x88a8;
const ETHERTYPE_QINQ_OLD = 0x9100;
const ETHERNET_HEADER = 14;
const VLAN_TAG = 4;
// QinQ is two tags; allow a third for odd carrier setups, then call it malformed.
const MAX_VLAN_TAGS = 3;

/**
 * Ethernet II at `off` with any 802.1Q / 802.1ad tags in front of the EtherType. `inner` is set
 * for the Ethernet frame inside a VXLAN or GRE tunnel: it fills `t` and leaves frame fields alone.
 * Returns an undecodable reason, REASON_NONE when decoded.
 */
export function decodeEthernet(
  buf: Buffer,
  len: number,
  off: number,
  out: FrameInfo,
  t: FlowTuple,
  inner: boolean,
): number {
  if (off + ETHERNET_HEADER > len) return REASON_TRUNCATED;
  let pos = off + 12;
  let etherType = readU16(buf, pos);
  let tags = 0;
  while (
    etherType === ETHERTYPE_VLAN ||
    etherType === ETHERTYPE_QINQ ||
    etherType === ETHERTYPE_QINQ_OLD
  ) {
    if (++tags > MAX_VLAN_TAGS) return REASON_TOO_MANY_VLAN_TAGS;
    // The tag's TCI and the next EtherType.
    if (pos + 6 > len) return REASON_TRUNCATED;
    if (tags === 1 && !inner) out.vlanId = readU16(buf, pos + 2) & 0x0fff;
    pos += VLAN_TAG;
    etherType = readU16(buf, pos);
  }
  return decodeNetwork(etherType, buf, len, pos + 2, out, t, inner);
}
