import type { z } from 'zod';

// `text`: the JSON the value was parsed from, set only when the fast check found it exactly as the
// schema would return it (so the text says the same as the value and can be stored as it is).
export type Validated<T> = { ok: true; value: T; text?: string } | { ok: false; error: string };

/**
 * Parses untrusted input against a schema. The error names where the input came from and
 * which field failed, e.g. `nta/v1/agents/a1/stats: totals.bytes: expected number`.
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown, where: string): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return { ok: false, error: `${where}: ${issues.join('; ')}` };
}

const utf8 = new TextDecoder();

/**
 * Parses a JSON message body (MQTT payload) then validates it. `clean`, when given, is a fast
 * check that may only say yes where the schema would accept the value unchanged (e.g.
 * isCleanStatsReport); whatever it refuses goes through the schema for the verdict and message.
 */
export function validateJson<T>(
  schema: z.ZodType<T>,
  body: string | Uint8Array,
  where: string,
  clean?: (value: unknown) => value is T,
): Validated<T> {
  let parsed: unknown;
  const text = typeof body === 'string' ? body : utf8.decode(body);
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${where}: not JSON (${(e as Error).message})` };
  }
  if (clean?.(parsed)) return { ok: true, text, value: parsed };
  return validate(schema, parsed, where);
}
