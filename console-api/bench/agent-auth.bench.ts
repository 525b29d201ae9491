// Agent CONNECT authentication cost: the verified-password cache (what a reconnect storm hits)
// against a full PBKDF2 check (what every CONNECT would cost without it), in the same run.
import type { DataSource } from 'typeorm';
import { AgentCredentialsService } from '../src/app/agents/agent-credentials.service';
import {
  generateAgentPassword,
  hashAgentPassword,
  verifyAgentPassword,
} from '../src/app/agents/password-hash';
import type { BrokerService } from '../src/infra/broker/broker.service';
import type { DatabaseService } from '../src/infra/database/database.service';

const AGENTS = 200;

async function main(): Promise<void> {
  const passwords = Array.from({ length: AGENTS }, () => generateAgentPassword());
  const rows = await Promise.all(
    passwords.map(async (p, i) => ({
      agentId: `bench-${i}`,
      passwordHash: await hashAgentPassword(p),
      revokedAt: null,
    })),
  );
  let ready: ((ds: DataSource) => Promise<void>) | null = null;
  // Only what the service touches here: no broker, and a DataSource that lists the rows above.
  const broker = {
    disconnectAgent: () => 0,
    useAgentAuthenticator: () => undefined,
  } as unknown as BrokerService;
  const database = {
    onReady: (hook: typeof ready) => (ready = hook),
  } as unknown as DatabaseService;
  const sut = new AgentCredentialsService(broker, database);
  sut.onModuleInit();
  await ready!({
    getRepository: () => ({ find: () => Promise.resolve(rows) }),
  } as unknown as DataSource);

  // First connect of each agent: a full PBKDF2 verification (the baseline).
  let started = process.hrtime.bigint();
  await Promise.all(passwords.map((p, i) => sut.authenticate(`bench-${i}`, p)));
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;

  // The storm: every agent reconnects 5 times at once; each check hits the cache.
  started = process.hrtime.bigint();
  const storm = await Promise.all(
    Array.from({ length: 5 }).flatMap(() =>
      passwords.map((p, i) => sut.authenticate(`bench-${i}`, p)),
    ),
  );
  const stormMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (storm.some((r) => r !== 'accepted')) throw new Error('bench: a cached check failed');

  started = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) await verifyAgentPassword(passwords[i], rows[i].passwordHash);
  const pbkdf2Ms = Number(process.hrtime.bigint() - started) / 1e6 / 20;

  const cachedUs = (stormMs * 1000) / (AGENTS * 5);
  console.log(`agent auth, ${AGENTS} agents:`);
  console.log(
    `  first connects (PBKDF2, concurrent):   ${firstMs.toFixed(0)} ms total, ${((firstMs * 1000) / AGENTS).toFixed(0)} µs/agent`,
  );
  console.log(`  one PBKDF2 check, sequential:           ${(pbkdf2Ms * 1000).toFixed(0)} µs`);
  console.log(
    `  reconnect storm (${AGENTS * 5} CONNECTs, cached): ${stormMs.toFixed(1)} ms total, ${cachedUs.toFixed(1)} µs/CONNECT`,
  );
  console.log(
    `  ratio PBKDF2 / cached per CONNECT:      ${((pbkdf2Ms * 1000) / cachedUs).toFixed(0)}x`,
  );
}

void main();
