// Starts: a fresh Postgres database and the real console in-process (HTTP + embedded broker).
// Covers the admin side of enrolment tokens and what POST /api/enrol does with each token state.
import type { ApiErrorBody, EnrolmentTokenSummary, Page } from '@nta/contracts';
import { createHash } from 'node:crypto';
import { createToken, enrol } from './support/enrolment';
import { startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('enrolment tokens', () => {
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  it('shows the secret and the install line once, and stores only its sha256', async () => {
    const created = await createToken(sut, { maxUses: 3, name: 'rack 4' });

    expect(created.token).toMatch(/^nta_et_[A-Za-z0-9_-]{43}$/);
    expect(created.installCommand).toBe(
      `curl -fsSL ${sut.base}/api/install.sh | sudo NTA_TOKEN=${created.token} sh`,
    );
    expect(created).toEqual(
      jasmine.objectContaining({
        createdBy: 'admin',
        maxUses: 3,
        name: 'rack 4',
        state: 'active',
        uses: 0,
      }),
    );
    expect(created.expiresAt! - created.createdAt).toBe(86_400_000);
    const rows = await queryTestDatabase<Record<string, unknown>>(
      sut.db.url,
      'SELECT * FROM enrolment_tokens WHERE id = $1',
      [created.id],
    );
    expect(rows[0]['token_hash']).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const listed = await sut.api<Page<EnrolmentTokenSummary>>('/api/enrolment-tokens');
    const mine = listed.body.items.find((t) => t.id === created.id)!;
    expect(Object.keys(mine).sort()).toEqual([
      'createdAt',
      'createdBy',
      'expiresAt',
      'id',
      'maxUses',
      'name',
      'revokedAt',
      'state',
      'uses',
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
  });

  it('enrols as many hosts as maxUses allows, then answers used-up', async () => {
    const created = await createToken(sut, { maxUses: 2 });

    expect((await enrol(sut, created.token, 'multi-a')).status).toBe(201);
    expect((await enrol(sut, created.token, 'multi-b')).status).toBe(201);
    const third = await enrol(sut, created.token, 'multi-c');

    expect(third.status).toBe(401);
    expect((third.body as unknown as ApiErrorBody).message).toBe(
      'enrolment token "test hosts" is used-up',
    );
    const listed = await sut.api<Page<EnrolmentTokenSummary>>('/api/enrolment-tokens');
    expect(listed.body.items.find((t) => t.id === created.id)).toEqual(
      jasmine.objectContaining({ state: 'used-up', uses: 2 }),
    );
  });

  it('is single-use by default and unlimited with maxUses null', async () => {
    const single = await createToken(sut);
    expect(single.maxUses).toBe(1);
    expect((await enrol(sut, single.token, 'single-a')).status).toBe(201);
    expect((await enrol(sut, single.token, 'single-b')).status).toBe(401);

    const fleet = await createToken(sut, { expiresInSeconds: null, maxUses: null });
    expect(fleet.expiresAt).toBeNull();
    for (const host of ['fleet-a', 'fleet-b', 'fleet-c']) {
      expect((await enrol(sut, fleet.token, host)).status)
        .withContext(host)
        .toBe(201);
    }
  });

  it('refuses an expired token', async () => {
    const created = await createToken(sut, { expiresInSeconds: 60 });
    // Time travel in the row itself: the console compares expires_at with its clock.
    await queryTestDatabase(
      sut.db.url,
      "UPDATE enrolment_tokens SET expires_at = now() - interval '1 second' WHERE id = $1",
      [created.id],
    );

    const res = await enrol(sut, created.token, 'late-host');

    expect(res.status).toBe(401);
    expect((res.body as unknown as ApiErrorBody).message).toContain('is expired');
  });

  it('revokes a token: enrolment stops, the bundle too, and the state says so', async () => {
    const created = await createToken(sut, { maxUses: 5 });

    const revoked = await sut.api<EnrolmentTokenSummary>(`/api/enrolment-tokens/${created.id}`, {
      method: 'DELETE',
    });

    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    expect(revoked.body.revokedAt).toBeGreaterThan(0);
    expect((await enrol(sut, created.token, 'after-revoke')).status).toBe(401);
    const bundle = await fetch(`${sut.base}/api/agent/bundle.tgz?token=${created.token}`);
    expect(bundle.status).toBe(401);
  });

  it('pages the token list, newest first, and rejects a bad page query', async () => {
    await createToken(sut, { name: 'page a' });
    const newest = await createToken(sut, { name: 'page b' });

    const first = await sut.api<Page<EnrolmentTokenSummary>>('/api/enrolment-tokens?limit=1');
    const bad = await sut.api<ApiErrorBody>('/api/enrolment-tokens?limit=0');

    expect(first.body.items.map((t) => t.id)).toEqual([newest.id]);
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect([first.body.limit, first.body.offset]).toEqual([1, 0]);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('limit');
  });

  it('answers 404 for an unknown token id and 400 for a bad body', async () => {
    const missing = await sut.api('/api/enrolment-tokens/00000000-0000-4000-8000-000000000000', {
      method: 'DELETE',
    });
    expect(missing.status).toBe(404);
    const notAnId = await sut.api<ApiErrorBody>('/api/enrolment-tokens/not-a-uuid', {
      method: 'DELETE',
    });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.code).toBe('BAD_REQUEST');
    const bad = await sut.api<ApiErrorBody>('/api/enrolment-tokens', {
      body: JSON.stringify({ maxUses: 0, name: '' }),
      method: 'POST',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
  });

  it('refuses an unknown token without saying more', async () => {
    const res = await enrol(sut, 'nta_et_not-a-real-token-at-all', 'guesser');
    expect(res.status).toBe(401);
    expect((res.body as unknown as ApiErrorBody).message).toBe('unknown enrolment token');
  });

  it('keeps token and agent management behind authentication', async () => {
    for (const [method, path] of [
      ['GET', '/api/enrolment-tokens'],
      ['POST', '/api/enrolment-tokens'],
      ['DELETE', '/api/enrolment-tokens/00000000-0000-4000-8000-000000000000'],
      ['GET', '/api/agents'],
      ['GET', '/api/agents/mosquitto-passwd'],
      ['POST', '/api/agents/x/revoke'],
    ]) {
      const res = await sut.api(path, {
        body: method === 'GET' ? undefined : '{"name":"x"}',
        method,
        token: null,
      });
      expect(res.status).withContext(`${method} ${path}`).toBe(401);
    }
  });
});
