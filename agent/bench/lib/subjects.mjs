// The capture programs the bench compares: how to start each one, when it is ready, and how many
// packets it says it captured once stopped with SIGINT.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const AGENT_MAIN = here('../../dist/main.js');
// Same kernel buffer as the agent's DEFAULT_CAPTURE_BUFFER_BYTES (32 MiB), in tcpdump's KiB.
const TCPDUMP_BUFFER_KIB = 32 * 1024;

const lastJson = (text) => {
  const line = text.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return line ? JSON.parse(line) : null;
};

export const TCPDUMP = {
  name: 'tcpdump',
  command: (iface) => ['tcpdump', '-w', '/dev/null', '-i', iface, '-B', String(TCPDUMP_BUFFER_KIB)],
  isReady: (_out, err) => err.includes('listening on'),
  // tcpdump's ring hands over a partly filled block only after its 1 s timeout.
  minDrainMs: 1500,
  parseCount: (_out, err) => {
    const match = /(\d+) packets? captured/.exec(err);
    return match ? Number(match[1]) : NaN;
  },
};

export const BARE_CAP = {
  name: 'bare-cap',
  command: (iface) => [process.execPath, here('../subjects/bare-cap.mjs'), '--interface', iface],
  isReady: (out) => out.includes('ready'),
  parseCount: (out) => lastJson(out)?.captured ?? NaN,
};

const AGENT_HARNESS = {
  name: 'agent',
  how: 'in-process harness (agent/dist capture + decode + aggregate + report loop)',
  command: (iface) => [process.execPath, here('../subjects/agent-pipeline.mjs'), '--interface', iface],
  isReady: (out) => out.includes('ready'),
  parseCount: (out) => lastJson(out)?.captured ?? NaN,
};

/** The `agent` subject: the agent's own `watch` command when the build has it, else the harness. */
export function agentSubject() {
  if (!existsSync(AGENT_MAIN)) return null;
  let help = '';
  try {
    help = execFileSync(process.execPath, [AGENT_MAIN, '--help'], { encoding: 'utf8' });
  } catch {
    // an old or broken build: fall back to the harness
  }
  if (!/^\s+node \S+ watch/m.test(help)) return AGENT_HARNESS;
  return AGENT_HARNESS;
}
