// Runs `npm run agent -- analyze ...` (infra/local/run-agent.mjs → agent/dist/main.js) to its
// end without blocking the event loop, so an in-process broker keeps answering meanwhile.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './agent-process';
import { buildAgent } from './watch-cli';

export interface CliRun {
  code: number | null;
  stderr: string;
  stdout: string;
}

export function runAnalyzeCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  buildAgent();
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'infra/local/run-agent.mjs'), 'analyze', ...args],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    }),
  );
}
