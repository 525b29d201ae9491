// Runs the real console (console-api/src/main.ts through @swc-node/register: HTTP, embedded aedes
// broker, ingest that acks after commit) as a child process on fixed ports over its own fresh
// Postgres database, so a test can kill -9 it and start it again where it was.
import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from './agent-process';

export const CONSOLE_AGENT_SECRET = 'it-store-forward-secret';

export class ConsoleProcess {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly brokerPort: number,
    readonly databaseUrl: string,
    private readonly databaseName: string,
    readonly httpPort: number,
  ) {}

  static async create(tag: string): Promise<ConsoleProcess> {
    const base = process.env.DATABASE_URL;
    if (!base)
      throw new Error('DATABASE_URL is not set (postgres://postgres@127.0.0.1:5432/postgres)');
    const name = `nta_agent_it_${tag}_${process.pid}`;
    await withClient(base, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return new ConsoleProcess(await freePort(), url.toString(), name, await freePort());
  }

  /** The broker address for an agent: this machine, or `host` (e.g. a veth address). */
  brokerUrl(host = '127.0.0.1'): string {
    return `mqtt://${host}:${this.brokerPort}`;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--require', '@swc-node/register', join(REPO_ROOT, 'console-api/src/main.ts')],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: this.databaseUrl,
          NTA_ADMIN_PASSWORD: 'it-admin-password',
          NTA_AGENT_SECRET: CONSOLE_AGENT_SECRET,
          NTA_BROKER_PORT: String(this.brokerPort),
          NTA_HTTP_PORT: String(this.httpPort),
          SWC_NODE_PROJECT: join(REPO_ROOT, 'console-api/tsconfig.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!this.running) throw new Error(`console exited at start:\n${this.output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${this.httpPort}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`console never healthy:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** kill -9: no shutdown hook, no flush; whatever ingest had not committed is gone. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Every seq stored for `agentId`, ascending, and the row count (equal unless duplicated). */
  async storedSeqs(agentId: string): Promise<{ rows: number; seqs: number[] }> {
    return withClient(this.databaseUrl, async (c) => {
      const res = await c.query<{ seq: string }>(
        'SELECT seq FROM reports WHERE agent_id = $1 ORDER BY seq',
        [agentId],
      );
      return { rows: res.rowCount ?? 0, seqs: res.rows.map((r) => Number(r.seq)) };
    });
  }

  async drop(): Promise<void> {
    await this.stop();
    const base = process.env.DATABASE_URL!;
    await withClient(base, (c) =>
      c.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`),
    );
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exited;
    clearTimeout(timer);
  }
}

async function withClient<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
