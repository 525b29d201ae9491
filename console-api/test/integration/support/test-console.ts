import type { LoginResponse } from '@nta/contracts';
import { loadConfig } from '../../../src/infra/config/console-config';
import { type RunningConsole, startConsole } from '../../../src/main';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'it-admin-password';
export const AGENT_SECRET = 'it-agent-secret';

export interface TestConsole {
  api<T = unknown>(
    path: string,
    init?: RequestInit & { token?: string | null },
  ): Promise<ApiReply<T>>;
  base: string;
  brokerUrl: string;
  close(): Promise<void>;
  db: TestDatabase;
  login(): Promise<string>;
  running: RunningConsole;
}

export interface ApiReply<T> {
  body: T;
  status: number;
}

/**
 * Starts the real console in-process (HTTP and embedded broker on port 0) over a fresh database
 * created from $DATABASE_URL; close() stops it and drops the database.
 */
export async function startTestConsole(
  env: Record<string, string> = {},
  existing?: TestDatabase,
): Promise<TestConsole> {
  const db = existing ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: db.url,
    NTA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    NTA_AGENT_SECRET: AGENT_SECRET,
    NTA_BROKER_HOST: '127.0.0.1',
    NTA_BROKER_PORT: '0',
    NTA_HTTP_HOST: '127.0.0.1',
    NTA_HTTP_PORT: '0',
    NTA_LOG_LEVEL: 'error',
    NTA_WEB_DIR: '/nonexistent/nta-web',
    ...env,
  });
  let running: RunningConsole;
  try {
    running = await startConsole(config);
  } catch (error) {
    if (!existing) await db.drop();
    throw error;
  }
  const base = `http://127.0.0.1:${running.httpPort}`;
  let token: string | null = null;
  const api = async <T>(path: string, init: RequestInit & { token?: string | null } = {}) => {
    const bearer = init.token === undefined ? token : init.token;
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
    });
    const text = await res.text();
    return { body: (text ? JSON.parse(text) : null) as T, status: res.status };
  };
  return {
    api,
    base,
    brokerUrl: `mqtt://127.0.0.1:${running.brokerPort}`,
    // A console started on an existing database leaves dropping it to its owner.
    close: async () => {
      await running.close();
      if (!existing) await db.drop();
    },
    db,
    login: async () => {
      const res = await api<LoginResponse>('/api/auth/login', {
        body: JSON.stringify({ password: ADMIN_PASSWORD, username: 'admin' }),
        method: 'POST',
        token: null,
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      token = res.body.token;
      return token;
    },
    running,
  };
}

export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
