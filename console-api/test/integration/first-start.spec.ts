// Starts: a fresh Postgres database and the real console in-process twice on it (first start,
// then a restart), with no admin password, agent secret or JWT secret in the environment.
import type { LoginResponse } from '@nta/contracts';
import { FakeAgent } from './support/fake-agent';
import { startTestConsole, type TestConsole } from './support/test-console';
import { createTestDatabase, queryTestDatabase, type TestDatabase } from './support/test-database';

// Pretty logs: the generated secrets are read back from the human-readable lines.
const UNSET = {
  NTA_ADMIN_PASSWORD: '',
  NTA_AGENT_SECRET: '',
  NTA_LOG_FORMAT: 'pretty',
  NTA_LOG_LEVEL: 'log',
};

async function startCapturingLogs(db: TestDatabase): Promise<{ logs: string; sut: TestConsole }> {
  let logs = '';
  const [out, err] = [process.stdout.write, process.stderr.write];
  const capture = (chunk: string | Uint8Array) => {
    logs += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    const sut = await startTestConsole(UNSET, db);
    return { logs, sut };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('first start without secrets in the environment', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  }, 30_000);

  it('generates, logs once and keeps the admin password, agent secret and JWT secret', async () => {
    const first = await startCapturingLogs(db);
    let token: string;
    let brokerUrl = first.sut.brokerUrl;
    try {
      const admin = /created user "admin" with password "([^"]+)"/.exec(first.logs)?.[1];
      const secret =
        /generated the agents' MQTT password \(NTA_AGENT_SECRET was unset\): (\S+)/.exec(
          first.logs,
        )?.[1];
      expect(admin).withContext(first.logs).toBeDefined();
      expect(secret).withContext(first.logs).toBeDefined();

      const login = await first.sut.api<LoginResponse>('/api/auth/login', {
        body: JSON.stringify({ password: admin, username: 'admin' }),
        method: 'POST',
        token: null,
      });
      expect(login.status).toBe(200);
      token = login.body.token;
      const agent = await FakeAgent.connect(brokerUrl, 'first-01', { password: secret });
      await agent.close();
      const keys = await queryTestDatabase<{ key: string }>(
        db.url,
        'SELECT key FROM settings ORDER BY key',
      );
      expect(keys.map((k) => k.key)).toEqual(['agent_secret', 'jwt_secret']);
    } finally {
      await first.sut.close();
    }

    const second = await startCapturingLogs(db);
    try {
      brokerUrl = second.sut.brokerUrl;
      expect(second.logs).not.toContain('created user');
      expect(second.logs).not.toContain('generated the agents');
      // Same JWT secret after the restart: the old token still works.
      const me = await second.sut.api('/api/auth/me', { token });
      expect(me.status).toBe(200);
    } finally {
      await second.sut.close();
    }
  }, 60_000);
});
