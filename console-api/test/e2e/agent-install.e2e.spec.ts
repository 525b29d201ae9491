// End to end, all real: the built console (console-api/dist/main.js, embedded broker, a fresh
// database) and a network namespace playing a new host. The test runs the console's own one-line
// install command in the namespace, as root; the agent must come up as an unprivileged system
// user with only CAP_NET_RAW + CAP_NET_ADMIN and show up online, capturing, within 10 s.
// A temp prefix and a per-run user name keep it off the real /opt and /etc; all removed after.
import type { CreatedEnrolmentToken, EnrolledAgent, HostSummary, Page } from '@nta/contracts';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  adminToken,
  bearerJson,
  createTestDatabase,
  createTestHost,
  type JsonApi,
  type Proc,
  startBuiltConsole,
  type TestDatabase,
  type TestHost,
  waitFor,
} from '@nta/testing';

const ADMIN_PASSWORD = 'e2e-admin-pass';
const execFileAsync = promisify(execFile);

describe('one-line agent install, end to end', () => {
  const user = `nta-c5-${process.pid % 100_000}`;
  let api: JsonApi;
  let base: string;
  let consoleProc: Proc;
  let db: TestDatabase;
  let host: TestHost;
  let root: string;

  function agentPid(): number | null {
    const file = join(root, 'state/agent.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8')) : null;
  }

  beforeAll(async () => {
    // A namespace standing in for a brand-new host; its name and subnet are this suite's own.
    host = createTestHost({ name: 'console5', subnet: 205 });
    db = await createTestDatabase('nta_e2e_install');
    root = mkdtempSync('/tmp/nta-console5-install-');
    // The agent user must be able to reach its files below this directory.
    chmodSync(root, 0o755);
    // The address the namespace reaches the console by: the install line is built from it.
    const started = await startBuiltConsole({
      address: host.hostAddress,
      adminPassword: ADMIN_PASSWORD,
      agentSecret: 'e2e-shared-secret-unused',
      databaseUrl: db.url,
    });
    base = started.baseUrl;
    consoleProc = started.proc;
    api = bearerJson(base, await adminToken(base, ADMIN_PASSWORD));
  }, 90_000);

  afterAll(async () => {
    const pid = agentPid();
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
        await waitFor(
          'the agent to exit',
          () => Promise.resolve(existsSync(`/proc/${pid}`) ? undefined : true),
          10_000,
        );
      } catch {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await consoleProc?.stop();
    host?.remove();
    await db?.drop();
    for (const cmd of [
      ['userdel', user],
      ['groupdel', user],
    ]) {
      try {
        execFileSync(cmd[0], [cmd[1]], { stdio: 'ignore' });
      } catch {
        // not created, or removed with the user
      }
    }
    if (root) rmSync(root, { force: true, recursive: true });
  }, 30_000);

  it('installs, enrols and starts the agent from the console line; it is online within 10 s', async () => {
    const created = await api<CreatedEnrolmentToken>('/api/enrolment-tokens', {
      body: JSON.stringify({ maxUses: 1, name: 'e2e new host' }),
      method: 'POST',
    });
    expect(created.installCommand).toBe(
      `curl -fsSL ${base}/api/install.sh | sudo NTA_TOKEN=${created.token} sh`,
    );
    // The console's line, with this test's prefix, user and interface next to the token.
    const settings = [
      `NTA_PREFIX=${root}/opt`,
      `NTA_CONFIG_DIR=${root}/etc`,
      `NTA_STATE_DIR=${root}/state`,
      `NTA_USER=${user}`,
      `NTA_INTERFACE=${host.innerInterface}`,
    ].join(' ');
    const hasSudo = existsSync('/usr/bin/sudo');
    const line = created.installCommand.replace(
      '| sudo NTA_TOKEN=',
      `| ${hasSudo ? 'sudo' : 'env'} ${settings} NTA_TOKEN=`,
    );

    const started = Date.now();
    const install = await execFileAsync('ip', ['netns', 'exec', host.name, 'sh', '-c', line], {
      timeout: 120_000,
    }).catch((e: { stderr?: string; stdout?: string; message: string }) => {
      throw new Error(`install failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    });
    const installed = Date.now();
    expect(install.stdout).toContain('nta-install: done');

    const online = await waitFor(
      'the new host online and capturing in /api/hosts',
      async () => {
        const hosts = (await api<{ items: HostSummary[] }>('/api/hosts')).items;
        return hosts.find((h) => h.online && h.capture?.running);
      },
      10_000,
    ).catch((e: Error) => {
      const log = join(root, 'state/agent.log');
      throw new Error(
        `${e.message}\ninstall output:\n${install.stdout}${install.stderr}\nagent log:\n${existsSync(log) ? readFileSync(log, 'utf8') : '(none)'}\nconsole:\n${consoleProc.output()}`,
      );
    });
    console.log(
      `\n  install ${installed - started} ms, then online and capturing after ${Date.now() - installed} ms`,
    );
    expect(online.capture?.interface).toBe(host.innerInterface);
    const agents = (await api<Page<EnrolledAgent>>('/api/agents')).items;
    expect(agents).toEqual([
      jasmine.objectContaining({ agentId: online.id, online: true, tokenId: created.id }),
    ]);
  }, 150_000);

  it('runs the agent as its own system user with only the two capabilities, never root', () => {
    const pid = agentPid();
    expect(pid).toBeGreaterThan(0);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => new RegExp(`^${name}:\\s+(.+)$`, 'm').exec(status)?.[1].trim();
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());

    expect(field('Uid')?.split(/\s+/).map(Number)).toEqual([uid, uid, uid, uid]);
    expect(uid).not.toBe(0);
    // CAP_NET_ADMIN (12) and CAP_NET_RAW (13): 0x3000, in the ambient and effective sets only.
    expect(field('CapAmb')).toBe('0000000000003000');
    expect(field('CapEff')).toBe('0000000000003000');
    expect(field('CapBnd')).toBe('0000000000003000');
  });

  it('keeps the credentials in a 0600 config owned by that user, and the code root-owned', () => {
    const config = statSync(join(root, 'etc/agent.json'));
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());

    expect(config.mode & 0o777).toBe(0o600);
    expect(config.uid).toBe(uid);
    expect(statSync(join(root, 'opt/agent/dist/main.js')).uid).toBe(0);
    const written = JSON.parse(readFileSync(join(root, 'etc/agent.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(written['consoleUrl']).toMatch(
      new RegExp(`^mqtt://${host.hostAddress.replace(/\./g, '\\.')}:\\d+$`),
    );
    expect(written['interface']).toBe(host.innerInterface);
  });
});
