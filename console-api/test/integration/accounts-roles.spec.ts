// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and a
// real mqtt.js client as a fake agent that answers capture commands.
import type {
  ApiErrorBody,
  AuditEntry,
  CaptureResponse,
  CurrentUser,
  Page,
  UserSummary,
} from '@nta/contracts';
import { allowSlowHashing, createUser, loginAs } from './support/accounts';
import { FakeAgent, runningCapture } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

describe('roles: admin and viewer', () => {
  allowSlowHashing();
  let admin: string;
  let agent: FakeAgent;
  let sut: TestConsole;
  let viewer: string;
  let viewerUser: UserSummary;

  beforeAll(async () => {
    sut = await startTestConsole();
    admin = await sut.login();
    viewerUser = await createUser(sut, admin, 'vic', 'viewer');
    viewer = await loginAs(sut, 'vic');
    agent = await FakeAgent.connect(sut.brokerUrl, 'role-01');
    await agent.answerCommands((command) =>
      command.type === 'start'
        ? { data: runningCapture(command.interface ?? 'eth0'), error: null, ok: true }
        : { data: { ...runningCapture(), running: false }, error: null, ok: true },
    );
    await agent.online();
    await eventually('host online', async () => {
      const hosts = (
        await sut.api<{ items: { online: boolean }[] }>('/api/hosts', { token: admin })
      ).body.items;
      return hosts.some((h) => h.online) ? true : undefined;
    });
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const post = (path: string, token: string, body: unknown = {}) =>
    sut.api<ApiErrorBody & CaptureResponse>(path, {
      body: JSON.stringify(body),
      method: 'POST',
      token,
    });

  it('tells a viewer who they are', async () => {
    const me = await sut.api<CurrentUser>('/api/auth/me', { token: viewer });

    expect(me.body).toEqual({ kind: 'user', role: 'viewer', username: 'vic' });
  });

  it('refuses capture control to a viewer with 403 FORBIDDEN, on new and legacy routes', async () => {
    for (const path of [
      '/api/hosts/role-01/capture/start',
      '/api/hosts/role-01/capture/stop',
      '/api/start_capture',
      '/api/stop_capture',
    ]) {
      const res = await post(path, viewer, { host: 'role-01' });
      expect(res.status).withContext(path).toBe(403);
      expect(res.body.code).withContext(path).toBe('FORBIDDEN');
    }
    // Reading stays open to viewers.
    expect((await sut.api('/api/hosts/role-01', { token: viewer })).status).toBe(200);
  });

  it('lets an admin start and stop capture, and audits both with actor and host', async () => {
    const start = await post('/api/hosts/role-01/capture/start', admin, { interface: 'eth3' });
    const stop = await post('/api/stop_capture', admin, { host: 'role-01' });

    expect(start.status).toBe(200);
    expect(start.body.capture?.interface).toBe('eth3');
    expect(stop.status).toBe(200);
    const audit = await sut.api<Page<AuditEntry>>('/api/audit?limit=50', { token: admin });
    const capture = audit.body.items.filter((e) => e.action.startsWith('capture.'));
    expect(capture.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['capture.stop', 'admin', 'role-01'],
      ['capture.start', 'admin', 'role-01'],
    ]);
    expect(capture[1].detail).toEqual(jasmine.objectContaining({ interface: 'eth3', ok: true }));
  });

  it('keeps user, token and audit management from viewers', async () => {
    const checks: [string, string][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['DELETE', `/api/users/${viewerUser.id}`],
      ['GET', '/api/api-tokens'],
      ['POST', '/api/api-tokens'],
      ['GET', '/api/audit'],
    ];
    for (const [method, path] of checks) {
      const res = await sut.api<ApiErrorBody>(path, {
        body: method === 'POST' ? JSON.stringify({ name: 'x', scope: 'read' }) : undefined,
        method,
        token: viewer,
      });
      expect(res.status).withContext(`${method} ${path}`).toBe(403);
    }
  });

  it('lists users a page at a time, without password hashes', async () => {
    await createUser(sut, admin, 'zed', 'viewer');
    const page = await sut.api<Page<UserSummary>>('/api/users?limit=2&offset=1', { token: admin });

    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((u) => u.username)).toEqual(['vic', 'zed']);
    expect(JSON.stringify(page.body)).not.toContain('$2');
    const admins = await sut.api<Page<UserSummary>>('/api/users?limit=1', { token: admin });
    expect(admins.body.items[0]).toEqual(
      jasmine.objectContaining({ lastLoginAt: jasmine.any(Number), role: 'admin' }),
    );
  });

  it('refuses a duplicate username and a short password with clear errors', async () => {
    const dup = await post('/api/users', admin, {
      password: 'long-enough-pw',
      role: 'viewer',
      username: 'vic',
    });
    const short = await post('/api/users', admin, { password: 'x', role: 'viewer', username: 'q' });

    expect(dup.status).toBe(409);
    expect(dup.body).toEqual(
      jasmine.objectContaining({ code: 'CONFLICT', message: 'user "vic" already exists' }),
    );
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('password');
  });

  it('lets a viewer change their own password only', async () => {
    const patch = (id: string, body: unknown) =>
      sut.api<ApiErrorBody>(`/api/users/${id}`, {
        body: JSON.stringify(body),
        method: 'PATCH',
        token: viewer,
      });
    const users = (await sut.api<Page<UserSummary>>('/api/users', { token: admin })).body.items;
    const adminId = users.find((u) => u.username === 'admin')!.id;

    expect((await patch(adminId, { password: 'taken-over-pw' })).status).toBe(403);
    expect((await patch(viewerUser.id, { role: 'admin' })).status).toBe(403);
    expect((await patch(viewerUser.id, { password: 'vic-new-password' })).status).toBe(200);
    viewer = await loginAs(sut, 'vic', 'vic-new-password');
    expect((await sut.api('/api/auth/me', { token: viewer })).status).toBe(200);
  });

  it('never removes or demotes the last admin (409 CONFLICT)', async () => {
    const users = (await sut.api<Page<UserSummary>>('/api/users', { token: admin })).body.items;
    const adminId = users.find((u) => u.username === 'admin')!.id;

    const demote = await sut.api<ApiErrorBody>(`/api/users/${adminId}`, {
      body: JSON.stringify({ role: 'viewer' }),
      method: 'PATCH',
      token: admin,
    });
    const remove = await sut.api<ApiErrorBody>(`/api/users/${adminId}`, {
      method: 'DELETE',
      token: admin,
    });

    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('CONFLICT');
    expect(demote.body.message).toContain('last admin');
    expect(remove.status).toBe(409);
    expect((await sut.api('/api/auth/me', { token: admin })).status).toBe(200);
  });

  it('answers unknown and malformed user ids with 404 and 400', async () => {
    const missing = await sut.api('/api/users/999999', { method: 'DELETE', token: admin });
    const bad = await sut.api<ApiErrorBody>('/api/users/abc', { method: 'DELETE', token: admin });

    expect(missing.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('params.id');
  });

  it('audits user changes and failed logins, newest first', async () => {
    await sut.api('/api/auth/login', {
      body: JSON.stringify({ password: 'wrong-password', username: 'vic' }),
      method: 'POST',
      token: null,
    });
    const audit = await sut.api<Page<AuditEntry>>('/api/audit?limit=500', { token: admin });
    const actions = audit.body.items.map((e) => `${e.action} ${e.actor} ${e.target}`);

    expect(actions[0]).toBe('auth.login-failed vic vic');
    expect(actions).toContain('user.create admin vic');
    expect(actions).toContain('user.update vic vic');
    expect(actions).toContain('auth.login admin admin');
    const at = audit.body.items.map((e) => e.at);
    expect([...at].sort((a, b) => b - a)).toEqual(at);
    expect(JSON.stringify(audit.body)).not.toContain('vic-new-password');
  });
});
