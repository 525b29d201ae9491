// npm run bench:agent-auth — runs console-api/bench/agent-auth.bench.ts through @swc-node/register.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../infra/local/paths.mjs';

process.env.SWC_NODE_PROJECT = join(ROOT, 'console-api/tsconfig.spec.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');
require('./agent-auth.bench.ts');
