// Starts the real console (from source, through @swc-node/register) as a child process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_PASSWORD = 'bench-admin-password';
export const AGENT_SECRET = 'bench-agent-secret';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startConsole(databaseUrl, env = {}, nodeArgs = []) {
  const [httpPort, brokerPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', '@swc-node/register', 'console-api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NTA_ADMIN_PASSWORD: ADMIN_PASSWORD,
        NTA_AGENT_SECRET: AGENT_SECRET,
        NTA_BROKER_HOST: '127.0.0.1',
        NTA_BROKER_PORT: String(brokerPort),
        NTA_HTTP_HOST: '127.0.0.1',
        NTA_HTTP_PORT: String(httpPort),
        NTA_LOG_LEVEL: 'warn',
        NTA_WEB_DIR: '/nonexistent/nta-web',
        SWC_NODE_PROJECT: 'console-api/tsconfig.spec.json',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${httpPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`console exited:\n${output}`);
    const ready = await fetch(`${base}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    const health =
      ready ||
      (await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
    if (health) break;
    if (Date.now() > deadline) throw new Error(`console did not get ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    brokerUrl: `mqtt://127.0.0.1:${brokerPort}`,
    output: () => output,
    pid: child.pid,
    /** CPU seconds (user + system) the console has used so far. */
    cpuSeconds() {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async login() {
      const res = await fetch(`${base}/api/auth/login`, {
        body: JSON.stringify({ password: ADMIN_PASSWORD, username: 'admin' }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      });
      return (await res.json()).token;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
