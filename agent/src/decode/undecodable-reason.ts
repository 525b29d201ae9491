// Why a frame could not be decoded. Small ints on the hot path; names only in reports.
export const REASON_NONE = 0;
export const REASON_TRUNCATED = 1;
export const REASON_BAD_VERSION = 2;
export const REASON_BAD_HEADER_LENGTH = 3;
export const REASON_BAD_TOTAL_LENGTH = 4;
export const REASON_UNSUPPORTED_LINK_TYPE = 5;
export const REASON_UNSUPPORTED_ETHERTYPE = 6;
export const REASON_BAD_EXTENSION_HEADER = 7;

export const REASON_NAMES: readonly string[] = [
  'none',
  'truncated',
  'bad-ip-version',
  'bad-header-length',
  'bad-total-length',
  'unsupported-link-type',
  'unsupported-ethertype',
  'bad-extension-header',
];
