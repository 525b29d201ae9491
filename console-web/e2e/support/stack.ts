import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostSummary } from '@nta/contracts';
import {
  adminToken,
  createTestDatabase,
  createTestHost,
  Proc,
  REPO_ROOT,
  startAgentInNamespace,
  startBuiltConsole,
  TestHost,
  waitFor,
} from '@nta/testing';

export const AGENT_ID = 'e2e-web-host';
export const ADMIN_PASSWORD = 'e2e-web-admin-pass';
const AGENT_SECRET = 'e2e-web-agent-secret';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

export interface Stack {
  baseUrl: string;
  host: TestHost;
  stop(): Promise<void>;
}

/**
 * All real: the built console (console-api/dist, serving console-web/dist, embedded broker, a
 * fresh database) and the built agent capturing on the veth of a namespace of its own.
 */
export async function startStack(): Promise<Stack> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const host = createTestHost({ name: 'web7b', subnet: 247 });
  const db = await createTestDatabase('nta_web_e2e');
  const stateDir = mkdtempSync(join(tmpdir(), 'nta-web-e2e-agent-'));
  const procs: Proc[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) await p.stop();
    host.remove();
    await db.drop();
    rmSync(stateDir, { force: true, recursive: true });
  };
  try {
    const cons = await startBuiltConsole({
      adminPassword: ADMIN_PASSWORD,
      agentSecret: AGENT_SECRET,
      databaseUrl: db.url,
    });
    const { baseUrl, proc: consoleProc } = cons;
    procs.push(consoleProc);
    const agent = startAgentInNamespace({
      agentId: AGENT_ID,
      brokerPort: cons.brokerPort,
      host,
      password: AGENT_SECRET,
      stateDir,
    });
    procs.push(agent);
    const token = await adminToken(baseUrl, ADMIN_PASSWORD);
    await waitFor(
      'the agent online and capturing',
      async () => {
        const res = await fetch(`${baseUrl}/api/hosts/${AGENT_ID}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const h = res.ok ? ((await res.json()) as HostSummary) : null;
        return h?.online && h.capture?.running ? h : undefined;
      },
      30_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nagent:\n${agent.output()}\nconsole:\n${consoleProc.output()}`);
    });
    return { baseUrl, host, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
