// Starts subjects/broker.mjs inside a network namespace (its loopback brought up), pinned to a
// core, and hands back its port and the report lines it has printed so far.
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { liveChildren } from './burst.mjs';

const BROKER = fileURLToPath(new URL('../subjects/broker.mjs', import.meta.url));
const READY_TIMEOUT_MS = 10_000;

export async function startBroker(ns, core) {
  execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  const child = spawn(
    'ip',
    ['netns', 'exec', ns, 'taskset', '-c', String(core), process.execPath, BROKER],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  liveChildren.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let port = null;
  while (port === null) {
    port = /^\{"port":(\d+)\}$/m.exec(out)?.[1] ?? null;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bench broker did not start: ${err.trim() || '(no output)'}`);
    }
    if (port === null) await sleep(20);
  }
  return {
    out: () => out,
    port: Number(port),
    stop: () => {
      child.kill('SIGTERM');
      liveChildren.delete(child);
    },
  };
}
