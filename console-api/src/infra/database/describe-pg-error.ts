/** One line saying why Postgres could not be used and what to do, without the password. */
export function describePgError(error: unknown, where: string): string {
  const e = (error ?? {}) as { code?: unknown; errors?: unknown[]; message?: unknown };
  // Node reports a dual-stack refusal as an AggregateError whose parts carry the code.
  const inner = Array.isArray(e.errors) && e.errors.length ? (e.errors[0] as typeof e) : e;
  const code =
    typeof e.code === 'string' ? e.code : typeof inner.code === 'string' ? inner.code : '';
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
      return `cannot reach Postgres at ${where} (${code}): start it, or fix DATABASE_URL`;
    case '28P01':
    case '28000':
      return `Postgres at ${where} refused the login (${code}): fix the user or password in DATABASE_URL`;
    case '3D000':
      return `Postgres at ${where} has no such database (${code}): create it, or fix DATABASE_URL`;
    default:
      if (/timeout/i.test(message)) {
        return `cannot reach Postgres at ${where} (timeout): start it, or fix DATABASE_URL`;
      }
      return `cannot use Postgres at ${where} (${code || 'error'}: ${message.split('\n')[0]}): check DATABASE_URL and the server log`;
  }
}
