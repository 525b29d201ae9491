// Starts: a fresh Postgres database and the real console in-process; downloads the install script
// and the agent bundle over HTTP, unpacks the bundle into a temp dir (away from the repo's
// node_modules) and runs the real agent from it: `enrol`, then `run` against the embedded broker.
import type { EnrolledAgent, Page } from '@nta/contracts';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createToken } from './support/enrolment';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

// Async: the console runs in this process, so a blocking exec would keep it from answering.
const execFileAsync = promisify(execFile);

describe('install script and agent bundle', () => {
  let sut: TestConsole;
  let dir: string;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    dir = mkdtempSync(join(tmpdir(), 'nta-bundle-'));
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
    rmSync(dir, { force: true, recursive: true });
  }, 30_000);

  it('serves a valid POSIX sh install script for the URL it was fetched from, without login', async () => {
    const res = await fetch(`${sut.base}/api/install.sh`);
    const script = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/x-shellscript');
    expect(script.startsWith('#!/bin/sh\n')).toBeTrue();
    expect(script).toContain(`CONSOLE_URL=\${NTA_CONSOLE:-'${sut.base}'}`);
    expect(script).not.toContain('@@CONSOLE_URL@@');
    writeFileSync(join(dir, 'install.sh'), script);
    // -n: parse only. dash is Debian's /bin/sh, the strictest POSIX shell at hand.
    execFileSync('sh', ['-n', join(dir, 'install.sh')]);
  });

  it('refuses to run without a token or as non-root, saying how to run it', () => {
    const run = (env: NodeJS.ProcessEnv) => {
      try {
        execFileSync('sh', [join(dir, 'install.sh')], { env, stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr: Buffer }).stderr);
      }
    };
    expect(run({ PATH: process.env.PATH })).toContain('NTA_TOKEN is not set');
    // Piped, as the one-liner does: nobody cannot read our temp dir anyway.
    const asNobody = execFileSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sh', '-c', 'sh 2>&1 || true'],
      {
        env: { NTA_TOKEN: 'x', PATH: process.env.PATH },
        input: readFileSync(join(dir, 'install.sh')),
      },
    );
    expect(String(asNobody)).toContain('run as root');
  });

  it('serves the bundle only for a valid enrolment token', async () => {
    expect((await fetch(`${sut.base}/api/agent/bundle.tgz`)).status).toBe(401);
    expect(
      (await fetch(`${sut.base}/api/agent/bundle.tgz?token=nta_et_nope-nope-nope`)).status,
    ).toBe(401);
  });

  it('ships an agent that runs from the bundle alone: enrols, connects, shows up online', async () => {
    const { token } = await createToken(sut);
    const res = await fetch(`${sut.base}/api/agent/bundle.tgz?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    writeFileSync(join(dir, 'bundle.tgz'), Buffer.from(await res.arrayBuffer()));
    const prefix = join(dir, 'opt');
    execFileSync('mkdir', ['-p', prefix]);
    execFileSync('tar', ['-xzf', join(dir, 'bundle.tgz'), '-C', prefix]);
    const main = join(prefix, 'agent/dist/main.js');
    const config = join(dir, 'agent.json');

    await execFileAsync(
      process.execPath,
      [main, 'enrol', '--console', sut.base, '--config', config, '--state-dir', join(dir, 'state')],
      {
        env: { NTA_TOKEN: token, PATH: process.env.PATH },
      },
    );
    const written = JSON.parse(readFileSync(config, 'utf8')) as Record<string, string>;
    expect(written['consoleUrl']).toBe(sut.brokerUrl);
    expect(statSync(config).mode & 0o777).toBe(0o600);

    const agent = spawn(process.execPath, [main, 'run', '--config', config, '--no-autostart'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    agent.stdout.on('data', (d: Buffer) => (output += d.toString()));
    agent.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const online = await eventually(
        'the bundled agent online in /api/agents',
        async () => {
          const list = (await sut.api<Page<EnrolledAgent>>('/api/agents')).body.items;
          return list.find((a) => a.agentId === written['agentId'] && a.online);
        },
        15_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}\nagent output:\n${output}`);
      });
      expect(online.hostname).toBeTruthy();
    } finally {
      agent.kill('SIGTERM');
      await new Promise((r) => agent.once('exit', r));
    }
  }, 60_000);
});
