// Starts: a fresh Postgres database and the real console in-process (HTTP + embedded aedes),
// with a short login lockout (3 failures, 2 s base) so recovery is observable.
import type { ApiErrorBody, AuditEntry, Page } from '@nta/contracts';
import { allowSlowHashing, call, createToken, type RawReply } from './support/accounts';
import { ADMIN_PASSWORD, startTestConsole, type TestConsole } from './support/test-console';

describe('login rate limiting', () => {
  allowSlowHashing();
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole({ NTA_LOGIN_LOCKOUT: '2s', NTA_LOGIN_MAX_FAILURES: '3' });
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  const login = (username: string, password: string): Promise<RawReply> =>
    call(sut, '/api/auth/login', { body: JSON.stringify({ password, username }), method: 'POST' });

  it('answers 429 RATE_LIMITED with Retry-After after 3 failures, then lets the user back in', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await login('admin', `wrong-${i}`)).status).toBe(401);
    }

    const limited = await login('admin', ADMIN_PASSWORD);

    expect(limited.status).toBe(429);
    expect((limited.body as ApiErrorBody).code).toBe('RATE_LIMITED');
    expect((limited.body as ApiErrorBody).message).toContain('too many failed logins for "admin"');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // Another username from the same address is not held up.
    expect((await login('someone-else', 'wrong')).status).toBe(401);

    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('backs off longer when failures go on after the lockout', async () => {
    for (let i = 0; i < 3; i++) await login('admin', `wrong-${i}`);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await login('admin', 'wrong-again')).status).toBe(401);

    const limited = await login('admin', ADMIN_PASSWORD);

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(2);
  });

  it('counts refusals in /metrics and writes them to the audit log', async () => {
    await new Promise((r) => setTimeout(r, 4100));
    const admin = await sut.login();
    const reader = await createToken(sut, admin, 'prometheus', 'read');

    const metrics = await call(sut, '/metrics', { token: reader.token });

    const text = metrics.body as string;
    expect(text).toContain('nta_login_refusals_total{outcome="failed"} 8');
    expect(text).toMatch(/nta_login_refusals_total\{outcome="rate-limited"\} [2-9]/);
    const audit = await sut.api<Page<AuditEntry>>('/api/audit?limit=100');
    const failed = audit.body.items.filter((e) => e.action === 'auth.login-failed');
    expect(failed.length).toBe(8);
    // The failures that started a lockout say for how long; refused (429) attempts write nothing.
    expect(failed.map((e) => e.detail.lockedForSeconds).filter((s) => s !== 0)).toEqual([4, 2, 2]);
    expect(audit.body.items.map((e) => e.action)).not.toContain('auth.login-limited');
  });
});
