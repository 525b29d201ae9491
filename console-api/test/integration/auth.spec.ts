// Starts: a fresh Postgres database and the real console in-process (HTTP + embedded broker).
import type { ApiErrorBody, HealthResponse, LoginResponse } from '@nta/contracts';
import { ADMIN_PASSWORD, startTestConsole, type TestConsole } from './support/test-console';

describe('auth and access control', () => {
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  it('logs in the seeded admin and returns a JWT', async () => {
    const res = await sut.api<LoginResponse>('/api/auth/login', {
      body: JSON.stringify({ password: ADMIN_PASSWORD, username: 'admin' }),
      method: 'POST',
      token: null,
    });

    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ role: 'admin', username: 'admin' });
    expect(res.body.token.split('.').length).toBe(3);
    expect(res.body.expiresAt).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const me = await sut.api('/api/auth/me', { token: res.body.token });
    expect(me.body).toEqual({ kind: 'user', role: 'admin', username: 'admin' });
  });

  it('answers a wrong password with 401 and an ApiErrorBody', async () => {
    const res = await sut.api<ApiErrorBody>('/api/auth/login', {
      body: JSON.stringify({ password: 'nope', username: 'admin' }),
      method: 'POST',
      token: null,
    });

    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'UNAUTHORIZED',
      message: 'wrong username or password',
      statusCode: 401,
    });
  });

  it('validates the login body', async () => {
    const res = await sut.api<ApiErrorBody>('/api/auth/login', {
      body: JSON.stringify({ username: 'admin' }),
      method: 'POST',
      token: null,
    });

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.message).toContain('password');
  });

  it('refuses the API without a token, or with a forged one', async () => {
    for (const [method, path] of [
      ['GET', '/api/hosts'],
      ['GET', '/api/hosts/a1/stats'],
      ['GET', '/api/interfaces'],
      ['POST', '/api/start_capture'],
      ['POST', '/api/stop_capture'],
      ['GET', '/api/stats'],
      ['GET', '/api/auth/me'],
    ]) {
      const res = await sut.api<ApiErrorBody>(path, { method, token: null });
      expect(res.status).withContext(path).toBe(401);
      expect(res.body.code).withContext(path).toBe('UNAUTHORIZED');
    }
    const forged = await sut.api<ApiErrorBody>('/api/hosts', { token: 'a.b.c' });
    expect(forged.status).toBe(401);
  });

  it('keeps health open', async () => {
    const res = await sut.api<HealthResponse>('/api/health', { token: null });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ broker: 'up', database: 'up', status: 'ok', version: '0.1.0' });
  });

  it('answers unknown /api routes with a NOT_FOUND ApiErrorBody', async () => {
    await sut.login();
    const res = await sut.api<ApiErrorBody>('/api/nothing-here');

    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
