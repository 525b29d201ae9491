// Runs the real agent (src/main.ts through @swc-node/register) as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');
const MAIN = join(REPO_ROOT, 'agent/src/main.ts');

export interface AgentProcessOptions {
  args: string[];
  /** Command prefix, e.g. setpriv to drop privileges. */
  prefix?: string[];
  stateDir?: string;
}

export class AgentProcess {
  readonly lines: string[] = [];
  readonly stateDir: string;
  private readonly child: ChildProcess;
  private exitCode: number | null | undefined = undefined;
  private readonly exited: Promise<number | null>;
  private readonly ownsStateDir: boolean;

  constructor(opts: AgentProcessOptions) {
    this.ownsStateDir = !opts.stateDir;
    this.stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), 'nta-agent-it-'));
    const prefix = opts.prefix ?? [];
    const argv = [
      ...prefix,
      process.execPath,
      '--require',
      '@swc-node/register',
      MAIN,
      ...opts.args,
      '--state-dir',
      this.stateDir,
    ];
    this.child = spawn(argv[0], argv.slice(1), {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'agent/tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString()).split('\n');
        partial = parts.pop() ?? '';
        this.lines.push(...parts);
      });
    }
    this.exited = new Promise((resolveExit) =>
      this.child.on('exit', (code) => {
        this.exitCode = code;
        resolveExit(code);
      }),
    );
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  linesMatching(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  async waitForLine(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => pattern.test(l));
      if (line) return line;
      if (Date.now() > deadline || !this.running) {
        throw new Error(`agent never logged ${pattern}; output:\n${this.lines.join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal and resolves with the exit code (SIGKILL after a grace period). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 8_000): Promise<number | null> {
    if (this.running) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exitCode ?? null;
  }

  cleanup(): void {
    if (this.ownsStateDir) rmSync(this.stateDir, { force: true, recursive: true });
  }
}
