// Runs the built agent CLI (`npm run agent -- watch ...` → infra/local/run-agent.mjs →
// agent/dist/main.js) as a child process and collects its stdout/stderr lines.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './agent-process';

let built = false;

/** Compiles agent/src to agent/dist once per test run, so the CLI under test is current. */
export function buildAgent(): void {
  if (built) return;
  const res = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'agent/tsconfig.app.json'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  if (res.status !== 0) throw new Error(`agent build failed:\n${res.stdout}${res.stderr}`);
  built = true;
}

export class WatchCli {
  readonly stderr: string[] = [];
  readonly stdout: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  /** `entry`: the npm script's launcher, or agent/dist/main.js itself (for signal tests). */
  constructor(args: string[], opts: { entry?: 'dist' | 'npm-script'; prefix?: string[] } = {}) {
    const entry = opts.entry === 'dist' ? 'agent/dist/main.js' : 'infra/local/run-agent.mjs';
    const argv = [
      ...(opts.prefix ?? []),
      process.execPath,
      join(REPO_ROOT, entry),
      'watch',
      ...args,
    ];
    this.child = spawn(argv[0], argv.slice(1), {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.collect(this.child.stdout, this.stdout);
    this.collect(this.child.stderr, this.stderr);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async waitForLines(n: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.stdout.length < n) {
      if (Date.now() > deadline) {
        throw new Error(
          `watch printed ${this.stdout.length}/${n} lines; stderr:\n${this.stderr.join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private collect(stream: NodeJS.ReadableStream | null, into: string[]): void {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      into.push(...parts);
    });
  }
}
