// Starts: a private Mosquitto 2 (its own port and files, configured with infra/broker's ACL), a
// fresh Postgres database and the real console in-process in EXTERNAL broker mode against it.
// Agents are enrolled through the console and reach Mosquitto once infra/broker/
// sync-agent-passwords.sh has copied the console's hashes into Mosquitto's password file.
import { agentTopic, type HostSummary } from '@nta/contracts';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { hashAgentPassword } from '../../src/app/agents/password-hash';
import { createToken, enrol } from './support/enrolment';
import { FakeAgent } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

const REPO = resolve(__dirname, '../../..');
const CONSOLE_PASSWORD = 'it-console-mqtt-password';
const execFileAsync = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('external Mosquitto with enrolled agents', () => {
  let dir: string;
  let mosquitto: ChildProcess;
  let brokerUrl: string;
  let sut: TestConsole;
  let jwt: string;

  const log = () => readFileSync(join(dir, 'mosquitto.log'), 'utf8');
  const reloads = () => log().split('Reloading config').length - 1;

  async function sync(): Promise<void> {
    const reloadsBefore = reloads();
    await execFileAsync(join(REPO, 'infra/broker/sync-agent-passwords.sh'), [], {
      env: {
        MOSQUITTO_PASSWD: join(dir, 'passwd'),
        MOSQUITTO_PID_FILE: join(dir, 'mosquitto.pid'),
        MOSQUITTO_STATIC: join(dir, 'static.passwd'),
        NTA_API_TOKEN: jwt,
        NTA_CONSOLE_URL: sut.base,
        PATH: process.env.PATH,
      },
    });
    // SIGHUP is asynchronous: wait until Mosquitto logs one more reload.
    await eventually('mosquitto to reload', () => (reloads() > reloadsBefore ? true : undefined));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nta-mosquitto-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    brokerUrl = `mqtt://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'static.passwd'),
      `nta-console:${await hashAgentPassword(CONSOLE_PASSWORD)}\n`,
    );
    writeFileSync(join(dir, 'passwd'), readFileSync(join(dir, 'static.passwd')), { mode: 0o600 });
    writeFileSync(
      join(dir, 'mosquitto.conf'),
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous false',
        `password_file ${join(dir, 'passwd')}`,
        `acl_file ${join(REPO, 'infra/broker/nta-agents.acl')}`,
        `pid_file ${join(dir, 'mosquitto.pid')}`,
        // Tests run as root; keep Mosquitto from switching to a user that cannot read this dir.
        'user root',
        // A file, not stdout: Mosquitto block-buffers a piped stdout until it exits.
        `log_dest file ${join(dir, 'mosquitto.log')}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'mosquitto.log'), '');
    mosquitto = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    await eventually('mosquitto to listen', () => (log().includes(' running') ? true : undefined));
    sut = await startTestConsole({
      NTA_BROKER_MODE: 'external',
      NTA_BROKER_PASSWORD: CONSOLE_PASSWORD,
      NTA_BROKER_URL: brokerUrl,
      NTA_BROKER_USERNAME: 'nta-console',
    });
    jwt = await sut.login();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
    mosquitto?.kill('SIGTERM');
    rmSync(dir, { force: true, recursive: true });
  }, 30_000);

  it('lets an enrolled agent in once synced, with its own password only, under the ACL', async () => {
    const { token } = await createToken(sut, { maxUses: null });
    const res = await enrol(sut, token, 'mq-01');
    expect(res.body.mqtt.url).toBe(brokerUrl);
    const password = res.body.mqtt.password;

    await expectAsync(FakeAgent.connect(brokerUrl, 'mq-01', { password })).toBeRejected();
    await sync();

    await expectAsync(FakeAgent.connect(brokerUrl, 'mq-01', { password: 'wrong' })).toBeRejected();
    const agent = await FakeAgent.connect(brokerUrl, 'mq-01', { password });
    try {
      // Spoofed first, own second: once the own one is stored, the spoof had its chance.
      await agent.client.publishAsync(
        agentTopic('mq-02', 'status'),
        JSON.stringify({
          agentId: 'mq-02',
          capture: null,
          hostname: 'x',
          state: 'online',
          ts: Date.now(),
          version: '1',
        }),
        { qos: 1 },
      );
      await agent.online();
      await eventually('mq-01 online through Mosquitto', async () => {
        const hosts = await sut.api<{ items: HostSummary[] }>('/api/hosts');
        return hosts.body.items.find((h) => h.id === 'mq-01' && h.online);
      });
      const hosts = await sut.api<{ items: HostSummary[] }>('/api/hosts');
      expect(hosts.body.items.map((h) => h.id)).not.toContain('mq-02');

      // Mosquitto grants any subscription and filters on delivery: only its own cmd arrives.
      const received: string[] = [];
      agent.client.on('message', (topic) => received.push(topic));
      await agent.client.subscribeAsync([agentTopic('mq-01', 'cmd'), agentTopic('mq-02', 'cmd')], {
        qos: 1,
      });
      const consoleUser = await FakeAgent.connect(brokerUrl, 'nta-console', {
        password: CONSOLE_PASSWORD,
      });
      await consoleUser.client.publishAsync(agentTopic('mq-02', 'cmd'), '{}', { qos: 1 });
      await consoleUser.client.publishAsync(agentTopic('mq-01', 'cmd'), '{}', { qos: 1 });
      await consoleUser.close();
      await eventually('its own command', () => (received.length ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toEqual([agentTopic('mq-01', 'cmd')]);
    } finally {
      await agent.close();
    }
  });

  it('drops and refuses a revoked agent at the next sync', async () => {
    const { token } = await createToken(sut);
    const res = await enrol(sut, token, 'mq-03');
    await sync();
    const agent = await FakeAgent.connect(brokerUrl, 'mq-03', { password: res.body.mqtt.password });
    const closed = new Promise<void>((r) => agent.client.once('close', () => r()));

    expect((await sut.api('/api/agents/mq-03/revoke', { method: 'POST' })).status).toBe(200);
    await sync();

    // Mosquitto re-checks live sessions on reload: the revoked one is closed.
    await closed;
    await agent.close();
    await expectAsync(
      FakeAgent.connect(brokerUrl, 'mq-03', { password: res.body.mqtt.password }),
    ).toBeRejected();
    expect(readFileSync(join(dir, 'passwd'), 'utf8')).not.toContain('mq-03:');
  });
});
