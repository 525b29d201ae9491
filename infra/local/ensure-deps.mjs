// Installs what `npm start` / `npm test` need and is missing: Debian packages first (cap's native
// build needs libpcap's headers), then npm dependencies from the committed lockfile.
//   node infra/local/ensure-deps.mjs [--browser]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

const IS_ROOT = process.getuid?.() === 0;
let aptUpdated = false;

function say(line) {
  console.log(`[setup] ${line}`);
}

function fail(line) {
  console.error(`[setup] ${line}`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12);
  if (!ok) say(`warning: Node ${process.versions.node} is untested; supported: 20.19+ and 22.12+`);
}

function aptInstall(pkg, why) {
  if (!IS_ROOT) {
    fail(
      `${why} needs the Debian package ${pkg}: run \`sudo apt-get install -y ${pkg}\`, then again.`,
    );
  }
  say(`installing ${pkg} (${why}) with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    aptUpdated = true;
  }
  const res = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { env, stdio: 'inherit' });
  if (res.status !== 0) fail(`apt-get install ${pkg} failed (exit ${res.status})`);
}

function hasDebPackage(pkg) {
  const res = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.includes('install ok installed');
}

function ensureDeb(pkg, probePath, why) {
  if (existsSync(probePath) || hasDebPackage(pkg)) return;
  aptInstall(pkg, why);
}

function npmInstallNeeded() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  if (!existsSync(join(ROOT, 'node_modules', 'cap', 'build', 'Release', 'cap.node'))) return true;
  return statSync(join(ROOT, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

export function ensureDeps({ browser = false, capture = true, tools = false } = {}) {
  checkNode();
  if (capture) ensureDeb('libpcap-dev', '/usr/include/pcap/pcap.h', 'packet capture (npm cap)');
  if (browser) ensureDeb('chromium', '/usr/bin/chromium', 'the web tests (headless Chromium)');
  if (tools) {
    ensureDeb('tshark', '/usr/bin/tshark', 'the decoder tests against tshark');
    ensureDeb('tcpdump', '/usr/bin/tcpdump', 'the capture baseline (tcpdump)');
  }
  if (npmInstallNeeded()) {
    say('installing npm dependencies from package-lock.json');
    // `npm ci` refuses here: the registry lacks some non-Linux optional packages in the lockfile.
    const res = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (res.status !== 0) fail(`npm install failed (exit ${res.status})`);
  }
  // The agent's libpcap addon is a workspace package; npm install does not always build it
  // (not when the lockfile already lists it), so build it with node-gyp when it is missing.
  const addon = join(ROOT, 'agent', 'native', 'build', 'Release', 'nta_pcap.node');
  if (!existsSync(addon)) {
    say('building the agent native capture addon (agent/native, node-gyp + libpcap)');
    const gyp = join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    // Offline: point node-gyp at the installed Node headers instead of letting it download them.
    const nodedir =
      process.env.npm_config_nodedir ??
      (existsSync('/usr/include/node/node_api.h') ? '/usr' : null);
    const args = [gyp, 'rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
    const res = spawnSync(process.execPath, args, {
      cwd: join(ROOT, 'agent', 'native'),
      stdio: 'inherit',
    });
    if (res.status !== 0 || !existsSync(addon)) {
      fail(`building agent/native failed (exit ${res.status}); ${addon} is missing`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  ensureDeps({ browser: args.includes('--browser'), tools: args.includes('--tools') });
}
