// `npm run agent -- <command> [flags]`: runs the built agent CLI, building it first when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { ROOT } from './paths.mjs';

const main = join(ROOT, 'agent', 'dist', 'main.js');
if (!existsSync(main)) {
  ensureDeps();
  const built = spawnSync('npx', ['nx', 'build', 'agent', '--outputStyle=static'], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Same V8 flags as infra/systemd/nta-agent.service (and the bench): a 1 MiB young generation,
// compilation and GC on the main thread (a lower peak resident size).
const res = spawnSync(
  process.execPath,
  ['--max-semi-space-size=1', '--single-threaded', main, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(res.status ?? 1);
