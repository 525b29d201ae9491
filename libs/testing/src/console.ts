import { freePort, Proc, startProcess, waitFor } from './processes';

export interface BuiltConsoleOptions {
  adminPassword: string;
  /** The address the test reaches the console at; 127.0.0.1 unless given. */
  address?: string;
  agentSecret: string;
  databaseUrl: string;
  /** More variables on top of this process's environment. */
  env?: NodeJS.ProcessEnv;
}

export interface BuiltConsole {
  baseUrl: string;
  brokerPort: number;
  proc: Proc;
}

/** Starts console-api/dist/main.js on free ports and waits for its health; stops it on failure. */
export async function startBuiltConsole(options: BuiltConsoleOptions): Promise<BuiltConsole> {
  const [httpPort, brokerPort] = [await freePort(), await freePort()];
  const baseUrl = `http://${options.address ?? '127.0.0.1'}:${httpPort}`;
  const proc = startProcess('node', ['console-api/dist/main.js'], {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NTA_ADMIN_PASSWORD: options.adminPassword,
    NTA_AGENT_SECRET: options.agentSecret,
    NTA_BROKER_PORT: String(brokerPort),
    NTA_HTTP_PORT: String(httpPort),
    ...options.env,
  });
  try {
    await waitFor(
      'console health',
      async () => ((await fetch(`${baseUrl}/api/health`)).ok ? true : undefined),
      60_000,
    );
  } catch (e) {
    await proc.stop();
    throw new Error(`${(e as Error).message}\nconsole output:\n${proc.output()}`, { cause: e });
  }
  return { baseUrl, brokerPort, proc };
}

/** Signs the built-in admin in and returns the bearer token. */
export async function adminToken(baseUrl: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    body: JSON.stringify({ password, username: 'admin' }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export type JsonApi = <T>(path: string, init?: RequestInit) => Promise<T>;

/** JSON calls to the console as the holder of `token`; a non-2xx answer throws with its body. */
export function bearerJson(baseUrl: string, token: string): JsonApi {
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!res.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
