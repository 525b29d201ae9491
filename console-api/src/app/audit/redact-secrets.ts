const SECRET_KEY = /password|secret|token/i;

/** A copy of an audit detail without credentials, however deep they sit. */
export function redactSecrets(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(detail).map(([key, value]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : redactValue(value),
    ]),
  );
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object') {
    return redactSecrets(value as Record<string, unknown>);
  }
  return value;
}
