// Starts: a fresh Postgres database and the real console in-process in EXTERNAL broker mode
// against the local Mosquitto (mqtt://127.0.0.1:1883); a real mqtt.js client plays the agent.
import {
  agentTopic,
  type HealthResponse,
  type HostStatsResponse,
  type ReportAck,
} from '@nta/contracts';
import { randomBytes } from 'node:crypto';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';

const MOSQUITTO = process.env.NTA_TEST_MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';

describe('external broker mode (Mosquitto)', () => {
  const agentId = `ext-${randomBytes(4).toString('hex')}`;
  let agent: FakeAgent;
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole({ NTA_BROKER_MODE: 'external', NTA_BROKER_URL: MOSQUITTO });
    await sut.login();
    agent = await FakeAgent.connect(MOSQUITTO, agentId);
  }, 30_000);

  afterAll(async () => {
    await agent?.close();
    await sut?.close();
  }, 30_000);

  it('binds no broker port of its own and reports the broker up', async () => {
    expect(sut.running.brokerPort).toBeNull();
    const health = await sut.api<HealthResponse>('/api/health');
    expect(health.body.broker).toBe('up');
  });

  it('ingests a report published on Mosquitto', async () => {
    await agent.online();
    const report = testReport(agentId, 1);
    await agent.publish('stats', report);

    const stats = await eventually('report stored', async () => {
      const r = await sut.api<HostStatsResponse>(
        `/api/hosts/${agentId}/stats?from=${report.intervalStart - 1}`,
      );
      return r.status === 200 && r.body.points.length ? r.body : undefined;
    });
    expect(stats.totals).toEqual({ bytes: 1500, packets: 5 });
  });

  it('acks the stored report on the agent ack topic', async () => {
    const acks: ReportAck[] = [];
    await agent.client.subscribeAsync(agentTopic(agentId, 'ack'), { qos: 1 });
    agent.client.on('message', (topic, payload) => {
      if (topic === agentTopic(agentId, 'ack'))
        acks.push(JSON.parse(payload.toString()) as ReportAck);
    });
    await agent.publish('stats', testReport(agentId, 2));

    const ack = await eventually('ack received', () => Promise.resolve(acks[0]));
    expect(ack).toEqual({ agentId, seqs: [2], ts: jasmine.any(Number) });
  });
});
