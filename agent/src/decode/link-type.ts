// pcap LINKTYPE_* numbers (https://www.tcpdump.org/linktypes.html).
export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW = 101;
// OpenBSD loopback: like NULL, with the family in network byte order.
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;
export const LINKTYPE_UNKNOWN = -1;

// DLT_RAW is 12 on Linux and 14 on some BSDs; libpcap maps both to LINKTYPE_RAW.
const DLT_RAW_ALIASES = [12, 14];

/** Maps the link-type string `cap`'s open() returns to a LINKTYPE number. */
export function linkTypeFromCap(name: string): number {
  switch (name) {
    case 'NULL':
      return LINKTYPE_NULL;
    case 'ETHERNET':
      return LINKTYPE_ETHERNET;
    case 'LINKTYPE_LINUX_SLL':
      return LINKTYPE_LINUX_SLL;
    case 'RAW':
      return LINKTYPE_RAW;
  }
  const unknown = /^Unknown linktype (\d+)$/.exec(name);
  if (!unknown) return LINKTYPE_UNKNOWN;
  const dlt = Number(unknown[1]);
  return DLT_RAW_ALIASES.includes(dlt) ? LINKTYPE_RAW : dlt;
}
