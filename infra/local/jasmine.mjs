// Runs one project's Jasmine specs (TypeScript through @swc-node/register, which keeps decorator
// metadata) and writes the counts to test-output/results/<suite>.json for the summary line.
//   node infra/local/jasmine.mjs <projectRoot> [--integration|--e2e] [--filter=<regex>]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.mjs';

const args = process.argv.slice(2);
const projectRoot = args.find((a) => !a.startsWith('--'));
if (!projectRoot) {
  console.error('usage: node infra/local/jasmine.mjs <projectRoot> [--integration] [--filter=re]');
  process.exit(2);
}
const integration = args.includes('--integration');
const e2e = args.includes('--e2e');
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
const kind = integration ? '-integration' : e2e ? '-e2e' : '';
const suite = `${projectRoot.replace(/[\\/]/g, '-')}${kind}`;
const projectDir = resolve(ROOT, projectRoot);

// A project may keep its browser tests in <project>/e2e with a tsconfig of their own.
const e2eDir = e2e && existsSync(join(projectDir, 'e2e', 'tsconfig.json')) ? 'e2e' : 'test/e2e';
process.env.SWC_NODE_PROJECT = join(
  projectDir,
  e2eDir === 'e2e' ? 'e2e/tsconfig.json' : 'tsconfig.spec.json',
);
const require = createRequire(import.meta.url);
require('@swc-node/register');
const Jasmine = require('jasmine');

const runner = new Jasmine({ projectBaseDir: projectDir });
runner.exitOnCompletion = false;
runner.loadConfig({
  env: { random: false, stopSpecOnExpectationFailure: false },
  jsLoader: 'require',
  spec_dir: integration ? 'test/integration' : e2e ? e2eDir : 'src',
  spec_files: ['**/*.spec.ts'],
});
const counts = { failed: 0, passed: 0, skipped: 0 };
runner.addReporter({
  specDone(result) {
    if (result.status === 'passed') counts.passed++;
    else if (result.status === 'failed') counts.failed++;
    else counts.skipped++;
  },
  suiteDone(result) {
    // An afterAll failure fails no spec of its own: count it so it cannot pass silently.
    if (result.status === 'failed') counts.failed++;
  },
});
const outcome = await runner.execute(undefined, filter);
if (outcome.overallStatus === 'incomplete' && counts.failed === 0) counts.failed++;
const outDir = join(ROOT, 'test-output', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `${suite}.json`), JSON.stringify({ suite, ...counts }));
console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
