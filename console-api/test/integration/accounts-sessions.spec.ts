// Starts: a fresh Postgres database and the real console in-process (HTTP + embedded aedes).
import { JwtService } from '@nestjs/jwt';
import type { ApiErrorBody, UserSummary } from '@nta/contracts';
import { hashSync } from 'bcryptjs';
import { io } from 'socket.io-client';
import { allowSlowHashing, createUser, loginAs, USER_PASSWORD } from './support/accounts';
import { queryTestDatabase } from './support/test-database';
import { startTestConsole, type TestConsole } from './support/test-console';

describe('sessions: logout and invalidation', () => {
  allowSlowHashing();
  let admin: string;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    admin = await sut.login();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  const me = (token: string) => sut.api<ApiErrorBody>('/api/auth/me', { token });
  const patch = (user: UserSummary, body: unknown) =>
    sut.api(`/api/users/${user.id}`, { body: JSON.stringify(body), method: 'PATCH', token: admin });

  it('logout ends that session only: its token gets 401, another login keeps working', async () => {
    await createUser(sut, admin, 'lou', 'viewer');
    const first = await loginAs(sut, 'lou');
    const second = await loginAs(sut, 'lou');

    const out = await sut.api('/api/auth/logout', { method: 'POST', token: first });

    expect(out.status).toBe(204);
    const after = await me(first);
    expect(after.status).toBe(401);
    expect(after.body.message).toContain('session ended');
    expect((await me(second)).status).toBe(200);
    expect((await sut.api('/api/auth/logout', { method: 'POST', token: first })).status).toBe(401);
  });

  it('closes an open socket.io connection once its session is logged out', async () => {
    await createUser(sut, admin, 'sock', 'viewer');
    const token = await loginAs(sut, 'sock');
    const client = io(sut.base, {
      auth: { token },
      path: '/ws',
      reconnection: false,
      transports: ['websocket'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
      const told = new Promise<string>((resolve) => client.once('unauthorized', resolve));
      const closed = new Promise<string>((resolve) => client.once('disconnect', resolve));

      await sut.api('/api/auth/logout', { method: 'POST', token });

      // The gateway checks open sockets every 5 s.
      expect(await told).toContain('session ended');
      expect(await closed).toBe('io server disconnect');
    } finally {
      client.close();
    }
  }, 15_000);

  it('a password change ends every session of that user', async () => {
    const user = await createUser(sut, admin, 'pat', 'viewer');
    const a = await loginAs(sut, 'pat');
    const b = await loginAs(sut, 'pat');

    expect((await patch(user, { password: 'pat-second-password' })).status).toBe(200);

    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await me(admin)).status).toBe(200);
    await expectAsync(loginAs(sut, 'pat')).toBeRejected();
    expect((await me(await loginAs(sut, 'pat', 'pat-second-password'))).status).toBe(200);
  });

  it('demoting an admin ends their sessions, and their new ones are viewer sessions', async () => {
    const user = await createUser(sut, admin, 'dee', 'admin');
    const before = await loginAs(sut, 'dee');
    expect((await sut.api('/api/users', { token: before })).status).toBe(200);

    expect((await patch(user, { role: 'viewer' })).status).toBe(200);

    expect((await me(before)).status).toBe(401);
    const after = await loginAs(sut, 'dee');
    expect((await sut.api('/api/users', { token: after })).status).toBe(403);
  });

  it('deleting a user ends their sessions at once', async () => {
    const user = await createUser(sut, admin, 'del', 'admin');
    const token = await loginAs(sut, 'del');

    const res = await sut.api(`/api/users/${user.id}`, { method: 'DELETE', token: admin });

    expect(res.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    await expectAsync(loginAs(sut, 'del')).toBeRejected();
  });

  it('keeps a bcrypt hash from before (cost 10) valid and upgrades it to cost 12 at login', async () => {
    await queryTestDatabase(
      sut.db.url,
      `INSERT INTO users (username, password_hash, role) VALUES ('old', $1, 'viewer')`,
      [hashSync(USER_PASSWORD, 10)],
    );

    expect((await me(await loginAs(sut, 'old'))).status).toBe(200);

    const [row] = await queryTestDatabase<{ password_hash: string }>(
      sut.db.url,
      `SELECT password_hash FROM users WHERE username = 'old'`,
    );
    expect(row.password_hash).toMatch(/^\$2[aby]\$12\$/);
    expect((await me(await loginAs(sut, 'old'))).status).toBe(200);
  });

  it('refuses a validly signed JWT without a session (as issued before sessions) with 401', async () => {
    const [{ value: secret }] = await queryTestDatabase<{ value: string }>(
      sut.db.url,
      `SELECT value FROM settings WHERE key = 'jwt_secret'`,
    );
    const legacy = await new JwtService().signAsync(
      { role: 'admin', sub: 'admin' },
      { expiresIn: 3600, secret },
    );

    const res = await me(legacy);

    expect(res.status).toBe(401);
    expect(res.body.message).toBe('invalid token: no session, log in again');
  });

  it('audits logouts', async () => {
    const rows = await queryTestDatabase<{ actor: string }>(
      sut.db.url,
      `SELECT actor FROM audit_log WHERE action = 'auth.logout' ORDER BY id`,
    );

    expect(rows.map((r) => r.actor)).toEqual(['lou', 'sock']);
  });
});
