// Starts: a fresh Postgres database, the real console in-process with its embedded aedes, and
// real mqtt.js clients trying good and bad credentials and foreign topics.
import { agentTopic } from '@nta/contracts';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('embedded broker authentication and ACLs', () => {
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  it('refuses an agent with a bad password', async () => {
    await expectAsync(
      FakeAgent.connect(sut.brokerUrl, 'auth-01', { password: 'wrong' }),
    ).toBeRejectedWithError(/Bad username or password|Not authorized/i);
  });

  it('refuses a username that is not an agent id', async () => {
    await expectAsync(
      FakeAgent.connect(sut.brokerUrl, 'auth-01', { username: '$nta-console' }),
    ).toBeRejected();
  });

  it("denies subscribing to another agent's commands", async () => {
    const agent = await FakeAgent.connect(sut.brokerUrl, 'auth-02');
    try {
      // SUBACK 0x80: mqtt.js turns the refusal into a rejected promise carrying the packet.
      await expectAsync(
        agent.client.subscribeAsync(agentTopic('auth-03', 'cmd'), { qos: 1 }),
      ).toBeRejectedWith(
        jasmine.objectContaining({ packet: jasmine.objectContaining({ granted: [128] }) }),
      );
      const own = await agent.client.subscribeAsync(agentTopic('auth-02', 'cmd'), { qos: 1 });
      expect(own[0].qos).toBe(1);
    } finally {
      await agent.close();
    }
  });

  it('does not let an agent publish reports as another agent', async () => {
    const agent = await FakeAgent.connect(sut.brokerUrl, 'auth-04');
    const honest = await FakeAgent.connect(sut.brokerUrl, 'auth-05');
    try {
      agent.client.on('error', () => undefined);
      // Published straight on the victim's topic: the broker drops it and the client.
      agent.client.publish(
        agentTopic('auth-05', 'stats'),
        JSON.stringify(testReport('auth-05', 1)),
        { qos: 0 },
      );
      await honest.publish('stats', testReport('auth-05', 2));
      await eventually('the honest report stored', async () => {
        const rows = await queryTestDatabase(
          sut.db.url,
          "SELECT seq FROM reports WHERE agent_id = 'auth-05'",
        );
        return rows.length ? rows : undefined;
      });
      const rows = await queryTestDatabase<{ seq: string }>(
        sut.db.url,
        "SELECT seq FROM reports WHERE agent_id = 'auth-05'",
      );
      expect(rows.map((r) => r.seq)).toEqual(['2']);
    } finally {
      await agent.close();
      await honest.close();
    }
  });
});
