// Why a frame could not be decoded. Small ints on the hot path; names only in reports.
// Values are append-only: the aggregator and reports index REASON_NAMES by them.
export const REASON_NONE = 0;
// The capture ends inside a header (snap length or a cut file).
export const REASON_TRUNCATED = 1;
export const REASON_BAD_VERSION = 2;
// An IHL, TCP data offset, extension header or tag length that cannot be right.
export const REASON_BAD_HEADER_LENGTH = 3;
// An IP / UDP length smaller than the headers it must hold.
export const REASON_BAD_TOTAL_LENGTH = 4;
// Counted per link type by the aggregator, from decodeFrame's linkType argument.
export const REASON_UNSUPPORTED_LINK_TYPE = 5;
export const REASON_UNSUPPORTED_ETHERTYPE = 6;
export const REASON_BAD_EXTENSION_HEADER = 7;
export const REASON_TOO_MANY_VLAN_TAGS = 8;
export const REASON_UNSUPPORTED_ADDRESS_FAMILY = 9;

export const REASON_NAMES: readonly string[] = [
  'none',
  'truncated',
  'bad-ip-version',
  'bad-header-length',
  'bad-total-length',
  'unsupported-link-type',
  'unsupported-ethertype',
  'bad-extension-header',
  'too-many-vlan-tags',
  'unsupported-address-family',
];

export function reasonName(reason: number): string {
  return reason >= 0 && reason < REASON_NAMES.length ? REASON_NAMES[reason] : 'unknown';
}
