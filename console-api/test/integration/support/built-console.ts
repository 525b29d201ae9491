import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const PROJECT = path.resolve(__dirname, '../../..');
const MAIN = path.join(PROJECT, 'dist/main.js');

export interface Child {
  exit: Promise<number | null>;
  output: () => string;
  proc: ChildProcess;
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const p = path.join(dir, e.name);
    return Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }, 0);
}

/** Compiles console-api/dist when any source is newer than dist/main.js. */
export function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(path.join(PROJECT, 'src'))) return;
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(PROJECT, 'tsconfig.app.json')],
    { stdio: 'inherit' },
  );
}

/** Runs the built console as a child process with only PATH and `env`, capturing its output. */
export function startMain(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { exit, output: () => output, proc };
}

export async function occupiedPort(): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function freePort(): Promise<number> {
  const server = await occupiedPort();
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
