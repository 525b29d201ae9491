// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes), and a
// real mqtt.js client as an agent subscribed to its own ack topic.
import { agentTopic, type ReportAck } from '@nta/contracts';
import type { IngestCounters } from '../../src/app/ingest/ingest-stats';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('report acks over MQTT', () => {
  const acked: number[] = [];
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    agent = await FakeAgent.connect(sut.brokerUrl, 'ack-01');
    const granted = await agent.client.subscribeAsync(agentTopic('ack-01', 'ack'), { qos: 1 });
    expect(granted[0].qos).toBe(1);
    agent.client.on('message', (topic, payload) => {
      if (topic !== agentTopic('ack-01', 'ack')) return;
      acked.push(...(JSON.parse(payload.toString()) as ReportAck).seqs);
    });
    await agent.online();
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  const counters = async () => (await sut.api<IngestCounters>('/api/ingest/stats')).body;

  it('acks a stored report, and acks its replay again', async () => {
    const report = testReport('ack-01', 1);
    await agent.publish('stats', report);
    await eventually('first ack', () => Promise.resolve(acked.includes(1) || undefined));
    await agent.publish('stats', report);
    await eventually('second ack', () =>
      Promise.resolve(acked.filter((s) => s === 1).length === 2 || undefined),
    );

    const rows = await queryTestDatabase<{ n: string }>(
      sut.db.url,
      "SELECT count(*) AS n FROM reports WHERE agent_id = 'ack-01'",
    );
    expect(rows[0].n).toBe('1');
  });

  it('does not ack a report Postgres failed to store, and acks it once it is stored', async () => {
    // A real failing write: the table is renamed away under the running console.
    await queryTestDatabase(sut.db.url, 'ALTER TABLE reports RENAME TO reports_away');
    const before = acked.length;
    try {
      await agent.publish('stats', testReport('ack-01', 2));
      // The publish above is PUBACKed by the broker; give ingest time to fail the insert.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(acked.length).toBe(before);
    } finally {
      await queryTestDatabase(sut.db.url, 'ALTER TABLE reports_away RENAME TO reports');
    }

    await agent.publish('stats', testReport('ack-01', 2));
    await eventually('ack after the replay', () => Promise.resolve(acked.includes(2) || undefined));
    expect((await counters()).accepted).toBeGreaterThanOrEqual(2);
  });

  it('stores a burst of reports delivered three times each once, and acks every one', async () => {
    const burst = Array.from({ length: 30 }, (_, i) => testReport('ack-01', 100 + i));
    const before = await counters();

    // Interleaved: copies land in the same batch and in later ones.
    await Promise.all([...burst, ...burst, ...burst].map((r) => agent.publish('stats', r)));

    await eventually('all 90 deliveries handled', async () => {
      const c = await counters();
      return c.accepted + c.duplicates - before.accepted - before.duplicates >= 90 ? c : undefined;
    });
    const after = await counters();
    expect(after.accepted - before.accepted).toBe(30);
    expect(after.duplicates - before.duplicates).toBe(60);
    const rows = await queryTestDatabase<{ n: string }>(
      sut.db.url,
      "SELECT count(*) AS n FROM reports WHERE agent_id = 'ack-01' AND seq >= 100",
    );
    expect(rows[0].n).toBe('30');
    await eventually('every seq acked', () =>
      Promise.resolve(burst.every((r) => acked.includes(r.seq)) || undefined),
    );
  });

  it('refuses an agent subscribing to another agent ack topic', async () => {
    // mqtt.js turns a SUBACK 0x80 into a rejection.
    await expectAsync(
      agent.client.subscribeAsync(agentTopic('ack-02', 'ack'), { qos: 1 }),
    ).toBeRejectedWithError(/Subscribe error/);
  });
});
