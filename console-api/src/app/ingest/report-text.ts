// Postgres's json and jsonb refuse what JSON.parse accepts in two cases: \u0000 and an unpaired
// UTF-16 surrogate. One such report would fail the batch it is in, and every retry of it.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why Postgres could not store this validated report, or null (a scan of the text, mostly). */
export function unstorableReason(text: string, value: unknown): string | null {
  if (!text.includes('\\u') || !SUSPECT_ESCAPE.test(text)) return null;
  return badString(value, '');
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
