import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file to put in the bundle: where it is on disk and where it goes under the prefix. */
export interface BundleFile {
  archivePath: string;
  source: string;
}

// The packages the agent requires at run time (the rest of node_modules is build tooling).
const AGENT_RUNTIME_PACKAGES = ['cap', 'mqtt', 'zod'];
const SKIPPED_DIRS = new Set([
  '.github',
  'docs',
  'node_modules',
  'obj.target',
  '.deps',
  'test',
  'tests',
]);
const SKIPPED_FILE = /(\.d\.[cm]?ts|\.map|\.md|\.spec\.js|\.tsbuildinfo)$/;

/**
 * Everything the agent needs to run, laid out as it is installed: agent/ (dist, native addon),
 * node_modules/ (runtime dependencies and @nta/contracts), infra/ (systemd unit, sample config).
 */
export function agentBundleFiles(root: string): BundleFile[] {
  const files: BundleFile[] = [];
  const add = (source: string, archivePath: string) => files.push({ archivePath, source });
  add(join(root, 'agent/package.json'), 'agent/package.json');
  walk(join(root, 'agent/dist'), 'agent/dist', add);
  for (const name of ['index.js', 'package.json', 'build/Release/nta_pcap.node']) {
    const source = join(root, 'agent/native', name);
    if (existsSync(source)) add(source, `agent/native/${name}`);
  }
  add(join(root, 'infra/systemd/nta-agent.service'), 'infra/systemd/nta-agent.service');
  add(join(root, 'infra/config/agent.sample.json'), 'infra/config/agent.sample.json');
  add(join(root, 'libs/contracts/package.json'), 'node_modules/@nta/contracts/package.json');
  walk(join(root, 'libs/contracts/dist'), 'node_modules/@nta/contracts/dist', add);
  for (const dir of dependencyClosure(root, AGENT_RUNTIME_PACKAGES)) {
    walk(join(root, dir), dir.split(sep).join('/'), add);
  }
  return files;
}

/** Package folders (relative to root) of these packages and all they depend on, resolved as Node does. */
export function dependencyClosure(root: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = names.map((name) => ({ from: root, name, optional: false }));
  while (queue.length) {
    const { from, name, optional } = queue.shift()!;
    const dir = resolvePackage(root, from, name);
    if (dir === null) {
      if (optional) continue;
      throw new Error(
        `agent bundle: package "${name}" is not installed (needed from ${relative(root, from) || '.'})`,
      );
    }
    const rel = relative(root, dir);
    if (found.has(rel)) continue;
    found.add(rel);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      queue.push({ from: dir, name: dep, optional: false });
    }
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) {
      queue.push({ from: dir, name: dep, optional: true });
    }
  }
  return [...found].sort();
}

function resolvePackage(root: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = join(dir, '..')) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (relative(root, dir) === '' || !dir.startsWith(root)) return null;
  }
}

function walk(
  dir: string,
  archiveDir: string,
  add: (source: string, archivePath: string) => void,
): void {
  if (!existsSync(dir))
    throw new Error(`agent bundle: ${dir} is missing (build the agent: npx nx build agent)`);
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const source = join(dir, entry.name);
    const archivePath = `${archiveDir}/${entry.name}`;
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(source).isDirectory())) {
      if (!SKIPPED_DIRS.has(entry.name) && entry.name !== 'testdata')
        walk(source, archivePath, add);
    } else if (!SKIPPED_FILE.test(entry.name)) {
      add(source, archivePath);
    }
  }
}
