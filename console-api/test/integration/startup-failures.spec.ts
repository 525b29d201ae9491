// Starts: the BUILT console (console-api/dist/main.js, rebuilt here when stale) as a child
// process, against an occupied broker port and against an unreachable Postgres.
import type * as net from 'node:net';
import type { HealthResponse } from '@nta/contracts';
import { ensureBuilt, freePort, occupiedPort, startMain } from './support/built-console';
import { eventually } from './support/test-console';

describe('startup failures of the built console', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('exits 1 with one clear line when the broker port is busy', async () => {
    const blocker = await occupiedPort();
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const child = startMain({
        DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        NTA_BROKER_HOST: '127.0.0.1',
        NTA_BROKER_PORT: String(busy),
        NTA_HTTP_PORT: String(await freePort()),
      });
      const code = await Promise.race([
        child.exit,
        new Promise<string>((r) => setTimeout(() => r('still running'), 15_000)),
      ]);
      if (code === 'still running') child.proc.kill('SIGKILL');

      expect(code).toBe(1);
      expect(child.output()).toContain(
        `broker port ${busy} is already in use (NTA_BROKER_PORT) — stop the other broker or choose another port`,
      );
      expect(child.output()).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 30_000);

  it('stays up with an unreachable DATABASE_URL, says so once, and reports database down', async () => {
    const httpPort = await freePort();
    const child = startMain({
      DATABASE_URL: 'postgres://nta:s3cret-pw@127.0.0.1:1/nta',
      NTA_BROKER_HOST: '127.0.0.1',
      NTA_BROKER_PORT: String(await freePort()),
      NTA_HTTP_HOST: '127.0.0.1',
      NTA_HTTP_PORT: String(httpPort),
    });
    try {
      const health = await eventually(
        'health answering',
        async () => {
          const res = await fetch(`http://127.0.0.1:${httpPort}/api/health`).catch(() => null);
          return res?.ok ? ((await res.json()) as HealthResponse) : undefined;
        },
        15_000,
      );
      expect(health).toEqual(jasmine.objectContaining({ database: 'down', status: 'degraded' }));
      // Several retry rounds pass (every 2 s) without a crash or a repeated line.
      await new Promise((r) => setTimeout(r, 4500));
      expect(child.proc.exitCode).toBeNull();
      const line =
        'cannot reach Postgres at postgres://nta@127.0.0.1:1/nta (ECONNREFUSED): start it, or fix DATABASE_URL';
      const out = child.output();
      expect(out).toContain(line);
      expect(out.split(line).length - 1).toBe(1);
      expect(out).not.toContain('s3cret-pw');
      expect(out).not.toMatch(/\n\s+at /);
      const login = await fetch(`http://127.0.0.1:${httpPort}/api/hosts`);
      expect(login.status).toBe(401);
    } finally {
      child.proc.kill('SIGTERM');
      await child.exit;
    }
  }, 40_000);
});
