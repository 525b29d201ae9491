// Starts: a fresh Postgres database, the real console in-process (HTTP + socket.io + embedded
// aedes), a real mqtt.js fake agent answering capture commands and real socket.io clients.
import type {
  ApiErrorBody,
  ApiTokenSummary,
  AuditEntry,
  CreatedApiToken,
  CurrentUser,
  Page,
} from '@nta/contracts';
import { io } from 'socket.io-client';
import { allowSlowHashing, createToken } from './support/accounts';
import { FakeAgent, runningCapture } from './support/fake-agent';
import { queryTestDatabase } from './support/test-database';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

describe('API tokens', () => {
  allowSlowHashing();
  let admin: string;
  let agent: FakeAgent;
  let reader: CreatedApiToken;
  let sut: TestConsole;
  let writer: CreatedApiToken;

  beforeAll(async () => {
    sut = await startTestConsole();
    admin = await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'tok-01');
    await agent.answerCommands((c) => ({
      data: runningCapture('interface' in c ? c.interface : undefined),
      error: null,
      ok: true,
    }));
    await agent.online();
    await eventually('host online', async () => {
      const hosts = (await sut.api<{ items: { online: boolean }[] }>('/api/hosts')).body.items;
      return hosts.some((h) => h.online) ? true : undefined;
    });
    reader = await createToken(sut, admin, 'grafana', 'read');
    writer = await createToken(sut, admin, 'ci', 'read-write');
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  it('shows the secret once, with the nta_ prefix, and stores only its hash', async () => {
    expect(reader.token).toMatch(/^nta_[A-Za-z0-9_-]{43}$/);
    expect(reader.prefix).toBe(reader.token.slice(0, 12));
    expect(reader).toEqual(
      jasmine.objectContaining({
        createdBy: 'admin',
        name: 'grafana',
        revokedAt: null,
        scope: 'read',
      }),
    );
    const list = await sut.api<Page<ApiTokenSummary>>('/api/api-tokens', { token: admin });
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((t) => t.name).sort()).toEqual(['ci', 'grafana']);
    expect(JSON.stringify(list.body)).not.toContain(reader.token.slice(12));
    expect(list.body.items.every((t) => !('token' in t))).toBeTrue();
    const rows = await queryTestDatabase<Record<string, unknown>>(
      sut.db.url,
      'SELECT * FROM api_tokens',
    );
    expect(JSON.stringify(rows)).not.toContain(reader.token.slice(12));
  });

  it('lets a read token GET but not POST, and says who it is', async () => {
    expect((await sut.api('/api/hosts', { token: reader.token })).status).toBe(200);
    const me = await sut.api<CurrentUser>('/api/auth/me', { token: reader.token });
    expect(me.body).toEqual({ kind: 'api-token', role: 'viewer', username: 'grafana' });

    const start = await sut.api<ApiErrorBody>('/api/hosts/tok-01/capture/start', {
      body: '{}',
      method: 'POST',
      token: reader.token,
    });

    expect(start.status).toBe(403);
    expect(start.body.code).toBe('FORBIDDEN');
    expect(start.body.message).toContain('read-scope API token');
  });

  it('lets a read-write token control capture, audited under the token name', async () => {
    const start = await sut.api('/api/hosts/tok-01/capture/start', {
      body: JSON.stringify({ interface: 'eth2' }),
      method: 'POST',
      token: writer.token,
    });

    expect(start.status).toBe(200);
    const audit = await sut.api<Page<AuditEntry>>('/api/audit', { token: admin });
    expect(audit.body.items[0]).toEqual(
      jasmine.objectContaining({
        action: 'capture.start',
        actor: 'api-token:ci',
        target: 'tok-01',
      }),
    );
  });

  it('never lets a token manage tokens or users, whatever its scope', async () => {
    for (const path of ['/api/api-tokens', '/api/users', '/api/audit']) {
      const res = await sut.api<ApiErrorBody>(path, { token: writer.token });
      expect(res.status).withContext(path).toBe(403);
    }
  });

  it('records lastUsedAt when a token is used', async () => {
    const used = await eventually('lastUsedAt written', async () => {
      const list = await sut.api<Page<ApiTokenSummary>>('/api/api-tokens', { token: admin });
      return list.body.items.find((t) => t.name === 'grafana' && t.lastUsedAt !== null);
    });

    expect(used.lastUsedAt).toBeGreaterThanOrEqual(reader.createdAt);
  });

  it('authenticates the socket.io handshake with a token, in auth or as a Bearer header', async () => {
    for (const options of [
      { auth: { token: reader.token } },
      { extraHeaders: { authorization: `Bearer ${reader.token}` } },
    ]) {
      const client = io(sut.base, {
        ...options,
        path: '/ws',
        reconnection: false,
        transports: ['websocket'],
      });
      try {
        await new Promise<void>((resolve, reject) => {
          client.once('connect', resolve);
          client.once('connect_error', reject);
        });
        expect(await client.emitWithAck('subscribe', 'tok-01')).toEqual({ ok: true });
      } finally {
        client.close();
      }
    }
  });

  it('refuses a revoked token with 401, over HTTP and socket.io, and audits the revocation', async () => {
    const revoked = await createToken(sut, admin, 'old', 'read');
    const res = await sut.api<ApiTokenSummary>(`/api/api-tokens/${revoked.id}`, {
      method: 'DELETE',
      token: admin,
    });

    expect(res.status).toBe(200);
    expect(res.body.revokedAt).toEqual(jasmine.any(Number));
    const after = await sut.api<ApiErrorBody>('/api/hosts', { token: revoked.token });
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('invalid token: API token revoked');
    const client = io(sut.base, {
      auth: { token: revoked.token },
      path: '/ws',
      reconnection: false,
      transports: ['websocket'],
    });
    const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
    client.close();
    expect(error.message).toContain('revoked');
    const audit = await sut.api<Page<AuditEntry>>('/api/audit', { token: admin });
    const tokenActions = audit.body.items
      .filter((e) => e.action.startsWith('api-token.'))
      .map((e) => [e.action, e.target, e.detail.name]);
    expect(tokenActions).toEqual([
      ['api-token.revoke', revoked.id, 'old'],
      ['api-token.create', revoked.id, 'old'],
      ['api-token.create', writer.id, 'ci'],
      ['api-token.create', reader.id, 'grafana'],
    ]);
  });

  it('refuses an expired token and an unknown one with 401', async () => {
    const expiring = await createToken(sut, admin, 'short', 'read');
    await queryTestDatabase(
      sut.db.url,
      `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );

    const expired = await sut.api<ApiErrorBody>('/api/hosts', { token: expiring.token });
    const unknown = await sut.api<ApiErrorBody>('/api/hosts', { token: `nta_${'x'.repeat(43)}` });

    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('invalid token: API token expired');
    expect(unknown.status).toBe(401);
  });

  it('validates the create body and answers an unknown id with 404', async () => {
    const bad = await sut.api<ApiErrorBody>('/api/api-tokens', {
      body: JSON.stringify({ name: 'x', scope: 'admin' }),
      method: 'POST',
      token: admin,
    });
    const missing = await sut.api('/api/api-tokens/not-a-token', {
      method: 'DELETE',
      token: admin,
    });

    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('scope');
    expect(missing.status).toBe(404);
  });

  it('sets expiresAt from expiresInSeconds', async () => {
    const res = await sut.api<CreatedApiToken>('/api/api-tokens', {
      body: JSON.stringify({ expiresInSeconds: 3600, name: 'hour', scope: 'read' }),
      method: 'POST',
      token: admin,
    });

    expect(res.body.expiresAt! - res.body.createdAt).toBe(3_600_000);
  });
});
