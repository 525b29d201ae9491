// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) with
// small batches, a real mqtt.js client as a fake agent, and a second Postgres session that
// stalls ingest by holding a lock on the reports table.
import type { StorageStatus } from '@nta/contracts';
import { Client } from 'pg';
import type { IngestCounters } from '../../src/app/ingest/ingest-stats';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('ingest back-pressure while Postgres stalls', () => {
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    // High-water mark: 2 rows × 1 batch in flight × 2 = 4 pending reports; refused past 16.
    sut = await startTestConsole({ NTA_INGEST_BATCH_ROWS: '2', NTA_INGEST_IN_FLIGHT: '1' });
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'stall-01');
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  it('stops reading the agent instead of refusing reports, then stores every one once', async () => {
    const counters = async () => (await sut.api<IngestCounters>('/api/ingest/stats')).body;
    const before = await counters();
    const locker = new Client({ connectionString: sut.db.url });
    await locker.connect();
    const pubacked = new Set<number>();
    const publish = (seqs: number[]) =>
      seqs.map((seq) =>
        agent.publish('stats', testReport('stall-01', seq)).then(() => pubacked.add(seq)),
      );
    const first = Array.from({ length: 8 }, (_, i) => i + 1);
    const second = Array.from({ length: 8 }, (_, i) => i + 9);
    const published: Promise<unknown>[] = [];
    try {
      await locker.query('BEGIN');
      // Blocks every INSERT into reports until ROLLBACK.
      await locker.query('LOCK TABLE reports IN SHARE ROW EXCLUSIVE MODE');
      published.push(...publish(first));
      await eventually('deliveries held', async () => {
        const status = (await sut.api<StorageStatus>('/api/storage')).body;
        return status.ingest.heldDeliveries > 0 ? status : undefined;
      });
      published.push(...publish(second));
      await new Promise((r) => setTimeout(r, 700));
      // aedes PUBACKs a QoS 1 publish as it reads it: none of these was read.
      expect(second.filter((seq) => pubacked.has(seq))).toEqual([]);
      const status = (await sut.api<StorageStatus>('/api/storage')).body;
      expect(status.ingest.pending).toBeLessThanOrEqual(8);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }

    await Promise.all(published);
    expect(pubacked.size).toBe(16);
    const after = await eventually('all 16 stored', async () => {
      const c = await counters();
      return c.accepted - before.accepted >= 16 ? c : undefined;
    });
    expect(after.rejected).toBe(before.rejected);
    const rows = await queryTestDatabase<{ n: string }>(
      sut.db.url,
      "SELECT count(DISTINCT seq) AS n FROM reports WHERE agent_id = 'stall-01'",
    );
    expect(rows[0].n).toBe('16');
  });
});
