// Access to the built agent (agent/dist, CommonJS) for the bench's own Node scripts.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Loads agent/dist/<path>.js. */
export function agentModule(path) {
  return require(`${DIST}${path}.js`);
}

/** The configuration `watch --interface IF` runs with when nothing else is set: the defaults. */
export function defaultConfig(iface) {
  const { parseCliArgs } = agentModule('config/cli-args');
  const { loadConfig } = agentModule('config/load-config');
  return loadConfig({
    cli: parseCliArgs(['watch', '--interface', iface]),
    defaultInterface: () => iface,
    env: {},
    homedir: tmpdir(),
    hostname: 'bench',
    isRoot: false,
    readFile: (path) => {
      throw new Error(`the bench reads no config file (${path})`);
    },
  });
}
