import type { CreatedApiToken, LoginResponse, UserRole, UserSummary } from '@nta/contracts';
import type { TestConsole } from './test-console';

export const USER_PASSWORD = 'it-user-password';

export interface RawReply {
  body: unknown;
  headers: Headers;
  status: number;
}

/** One HTTP call with full control of the headers (the TestConsole helper hides them). */
export async function call(
  sut: TestConsole,
  path: string,
  init: RequestInit & { token?: string | null } = {},
): Promise<RawReply> {
  const { token, ...rest } = init;
  const res = await fetch(`${sut.base}${path}`, {
    ...rest,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.headers as Record<string, string> | undefined),
    },
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (e.g. /metrics): keep the text.
  }
  return { body, headers: res.headers, status: res.status };
}

export async function loginAs(
  sut: TestConsole,
  username: string,
  password = USER_PASSWORD,
): Promise<string> {
  const res = await sut.api<LoginResponse>('/api/auth/login', {
    body: JSON.stringify({ password, username }),
    method: 'POST',
    token: null,
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
  return res.body.token;
}

/** Creates a user as the admin token and returns it. */
export async function createUser(
  sut: TestConsole,
  adminToken: string,
  username: string,
  role: UserRole,
  password = USER_PASSWORD,
): Promise<UserSummary> {
  const res = await sut.api<UserSummary>('/api/users', {
    body: JSON.stringify({ password, role, username }),
    method: 'POST',
    token: adminToken,
  });
  if (res.status !== 201) throw new Error(`creating ${username} failed: ${res.status}`);
  return res.body;
}

export async function createToken(
  sut: TestConsole,
  adminToken: string,
  name: string,
  scope: 'read' | 'read-write',
): Promise<CreatedApiToken> {
  const res = await sut.api<CreatedApiToken>('/api/api-tokens', {
    body: JSON.stringify({ name, scope }),
    method: 'POST',
    token: adminToken,
  });
  if (res.status !== 201) throw new Error(`creating token ${name} failed: ${res.status}`);
  return res.body;
}

/**
 * bcrypt at cost 12 takes ~0.3 s per hash on an idle core and far longer on a busy shared one;
 * specs that hash several passwords get a longer spec timeout (restored after the suite).
 */
export function allowSlowHashing(timeoutMs = 30_000): void {
  let previous = 0;
  beforeAll(() => {
    previous = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = timeoutMs;
  });
  afterAll(() => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = previous;
  });
}
