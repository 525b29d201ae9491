// Postgres's json and jsonb refuse what JSON.parse accepts in two cases: \u0000 and an unpaired
// UTF-16 surrogate. One such report would fail the batch it is in, and every retry of it.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why Postgres could not store this validated report, or null (a scan of the text, mostly). */
export function unstorableReason(text: string, value: unknown): string | null {
  if (!text.includes('\\u') || !SUSPECT_ESCAPE.test(text)) return null;
  return badString(value, '');
}

/**
 * Whether the payload text can go to Postgres as it is, or must be written out again: not when a
 * number is written with a fraction or exponent (5.0, 1e3) that the schema took as an integer,
 * since bigint casts in Postgres refuse that text. A string that looks the same (an IPv4-mapped
 * IPv6 address) only costs the re-serialisation. indexOf scans: a regex cost 30 µs a report.
 */
export function storableAsSent(text: string): boolean {
  return !numberWith(text, '.') && !numberWith(text, 'e') && !numberWith(text, 'E');
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

// Some `mark` right after the digits of a value (after ':', ',' or '[', maybe '-' and spaces)
// and before a digit or a sign, as in a JSON number ("fe80::1e" in a string is left alone).
function numberWith(text: string, mark: string): boolean {
  for (let i = text.indexOf(mark); i > 0; i = text.indexOf(mark, i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (!isDigit(next) && next !== 43 && next !== 45) continue;
    let j = i - 1;
    while (j >= 0 && isDigit(text.charCodeAt(j))) j--;
    if (j === i - 1) continue;
    if (text.charCodeAt(j) === 45) j--;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    const c = text.charCodeAt(j);
    if (c === 58 || c === 44 || c === 91) return true;
  }
  return false;
}

function badString(v: unknown, path: string): string | null {
  if (typeof v === 'string') {
    if (v.includes('\u0000'))
      return `${path || '(root)'}: contains \\u0000, which Postgres cannot store`;
    if (LONE_SURROGATE.test(v)) {
      return `${path || '(root)'}: contains an unpaired UTF-16 surrogate, which Postgres cannot store`;
    }
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  for (const [key, item] of Object.entries(v)) {
    const at = path ? `${path}.${key}` : key;
    const bad = badString(key, at) ?? badString(item, at);
    if (bad) return bad;
  }
  return null;
}
