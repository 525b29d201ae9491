// Starts: the BUILT console (console-api/dist/main.js, rebuilt here when stale) as a child
// process with JSON logs — once over a fresh Postgres database, once with Postgres unreachable.
import type { HealthResponse } from '@nta/contracts';
import { type Child, ensureBuilt, freePort, startMain } from './support/built-console';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { eventually } from './support/test-console';

interface LogLine {
  context?: string;
  level: number;
  msg: string;
  reqId?: string;
  status?: number;
  url?: string;
}

async function startJsonConsole(databaseUrl: string): Promise<{ base: string; child: Child }> {
  const httpPort = await freePort();
  const child = startMain({
    DATABASE_URL: databaseUrl,
    NTA_ADMIN_PASSWORD: 'it-admin-password',
    NTA_BROKER_HOST: '127.0.0.1',
    NTA_BROKER_PORT: String(await freePort()),
    NTA_HTTP_HOST: '127.0.0.1',
    NTA_HTTP_PORT: String(httpPort),
    NTA_LOG_FORMAT: 'json',
    NTA_LOG_LEVEL: 'info',
  });
  const base = `http://127.0.0.1:${httpPort}`;
  await eventually(
    'the console answering',
    async () => ((await fetch(`${base}/api/health/live`).catch(() => null))?.ok ? true : undefined),
    20_000,
  );
  return { base, child };
}

async function stop(child: Child): Promise<void> {
  child.proc.kill('SIGTERM');
  await child.exit;
}

function logLines(child: Child): LogLine[] {
  return child
    .output()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LogLine);
}

describe('health probes and JSON request logs of the built console', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  describe('with Postgres up', () => {
    let base: string;
    let child: Child;
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase();
      ({ base, child } = await startJsonConsole(db.url));
    }, 30_000);

    afterAll(async () => {
      if (child) await stop(child);
      await db?.drop();
    }, 30_000);

    it('answers live and, once Postgres and the broker are up, ready', async () => {
      const live = await fetch(`${base}/api/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });

      const ready = await eventually('ready', async () => {
        const res = await fetch(`${base}/api/health/ready`);
        return res.status === 200 ? ((await res.json()) as HealthResponse) : undefined;
      });
      expect(ready).toEqual(
        jasmine.objectContaining({ broker: 'up', database: 'up', status: 'ok' }),
      );
    }, 15_000);

    it('echoes an incoming X-Request-Id and logs the request as one JSON line with it', async () => {
      const res = await fetch(`${base}/api/hosts?limit=1`, {
        headers: { 'x-request-id': 'it-req-0042' },
      });

      expect(res.status).toBe(401);
      expect(res.headers.get('x-request-id')).toBe('it-req-0042');
      const line = await eventually('the request log line', () =>
        logLines(child).find((l) => l.reqId === 'it-req-0042'),
      );
      expect(line).toEqual(
        jasmine.objectContaining({
          context: 'Http',
          level: 30,
          msg: 'request finished',
          status: 401,
          url: '/api/hosts?limit=1',
        }),
      );
    });

    it('gives a request without a usable id a new UUID', async () => {
      const plain = await fetch(`${base}/api/health/live`);
      const forged = await fetch(`${base}/api/health/live`, {
        headers: { 'x-request-id': 'x"} {"level":60' },
      });

      const id = plain.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await eventually('its log line', () => logLines(child).find((l) => l.reqId === id));
    });

    it('writes nothing but JSON lines, the start-up lines included', () => {
      const lines = logLines(child);

      expect(lines.some((l) => l.msg.startsWith('console listening on http://'))).toBeTrue();
      expect(lines.some((l) => l.msg.startsWith('connected to Postgres'))).toBeTrue();
    });
  });

  describe('with Postgres unreachable', () => {
    let base: string;
    let child: Child;

    beforeAll(async () => {
      ({ base, child } = await startJsonConsole('postgres://nta@127.0.0.1:1/nta'));
    }, 30_000);

    afterAll(async () => {
      if (child) await stop(child);
    }, 30_000);

    it('stays live but answers ready with 503 and says the database is down', async () => {
      const live = await fetch(`${base}/api/health/live`);
      const ready = await fetch(`${base}/api/health/ready`);

      expect(live.status).toBe(200);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual(
        jasmine.objectContaining({ database: 'down', status: 'degraded' }),
      );
    });
  });
});
