// Starts: a fresh Postgres database, the real console in-process with its embedded aedes, and real
// mqtt.js clients logging in with the per-agent credentials POST /api/enrol hands out.
import type { EnrolledAgent, Page } from '@nta/contracts';
import * as mqtt from 'mqtt';
import { createToken, enrol } from './support/enrolment';
import { FakeAgent } from './support/fake-agent';
import {
  AGENT_SECRET,
  eventually,
  startTestConsole,
  type TestConsole,
} from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('per-agent MQTT credentials', () => {
  let sut: TestConsole;
  let token: string;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    token = (await createToken(sut, { maxUses: null })).token;
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  function closed(agent: FakeAgent): Promise<void> {
    return new Promise((resolve) => agent.client.once('close', () => resolve()));
  }

  async function agents(): Promise<EnrolledAgent[]> {
    return (await sut.api<Page<EnrolledAgent>>('/api/agents')).body.items;
  }

  it('lets an enrolled agent in with its own password and keeps only a hash', async () => {
    const res = await enrol(sut, token, 'cred-01.example');

    expect(res.status).toBe(201);
    expect(res.body.agentId).toBe('cred-01.example');
    expect(res.body.mqtt).toEqual({
      password: jasmine.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: sut.brokerUrl,
      username: 'cred-01.example',
    });
    const agent = await FakeAgent.connect(sut.brokerUrl, res.body.agentId, {
      password: res.body.mqtt.password,
    });
    await agent.online();
    await agent.close();
    const rows = await queryTestDatabase<{ password_hash: string }>(
      sut.db.url,
      'SELECT password_hash FROM agent_credentials WHERE agent_id = $1',
      ['cred-01.example'],
    );
    expect(rows[0].password_hash).toMatch(/^\$7\$/);
    expect(rows[0].password_hash).not.toContain(res.body.mqtt.password);
  });

  it('refuses a wrong password, and the shared secret, for an enrolled agent', async () => {
    const res = await enrol(sut, token, 'cred-02');

    await expectAsync(
      FakeAgent.connect(sut.brokerUrl, 'cred-02', { password: 'wrong' }),
    ).toBeRejectedWithError(/Bad username or password/i);
    await expectAsync(
      FakeAgent.connect(sut.brokerUrl, 'cred-02', { password: AGENT_SECRET }),
    ).toBeRejected();
    // And the right one still works after refusals (the verified-password cache is per value).
    const ok = await FakeAgent.connect(sut.brokerUrl, 'cred-02', {
      password: res.body.mqtt.password,
    });
    await ok.close();
  });

  it('keeps the shared NTA_AGENT_SECRET path for agents that never enrolled', async () => {
    const dev = await FakeAgent.connect(sut.brokerUrl, 'dev-host-not-enrolled');
    expect(dev.client.connected).toBeTrue();
    await dev.close();
  });

  it('re-enrolling a host keeps its id, rotates its password and drops the old session', async () => {
    const first = await enrol(sut, token, 'cred-03');
    const old = await FakeAgent.connect(sut.brokerUrl, 'cred-03', {
      password: first.body.mqtt.password,
    });
    const oldClosed = closed(old);

    const again = await enrol(sut, token, 'renamed-box', 'cred-03');

    expect(again.body.agentId).toBe('cred-03');
    expect(again.body.mqtt.password).not.toBe(first.body.mqtt.password);
    await oldClosed;
    await expectAsync(
      FakeAgent.connect(sut.brokerUrl, 'cred-03', { password: first.body.mqtt.password }),
    ).toBeRejected();
    const fresh = await FakeAgent.connect(sut.brokerUrl, 'cred-03', {
      password: again.body.mqtt.password,
    });
    await fresh.close();
    const listed = (await agents()).find((a) => a.agentId === 'cred-03');
    expect(listed?.hostname).toBe('renamed-box');
  });

  it('gives a second host with a taken hostname its own id instead of taking over', async () => {
    await enrol(sut, token, 'twin');
    const second = await enrol(sut, token, 'twin');
    expect(second.body.agentId).toMatch(/^twin-[0-9a-f]{8}$/);
  });

  it('revoking disconnects the live agent at once and refuses its reconnect', async () => {
    const res = await enrol(sut, token, 'cred-04');
    const agent = await FakeAgent.connect(sut.brokerUrl, 'cred-04', {
      password: res.body.mqtt.password,
    });
    await eventually('cred-04 online in /api/agents', async () =>
      (await agents()).find((a) => a.agentId === 'cred-04' && a.online),
    );
    const gone = closed(agent);

    const revoked = await sut.api<EnrolledAgent>('/api/agents/cred-04/revoke', { method: 'POST' });

    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual(jasmine.objectContaining({ agentId: 'cred-04', online: false }));
    expect(revoked.body.revokedAt).toBeGreaterThan(0);
    await gone;
    await expectAsync(
      mqtt.connectAsync(sut.brokerUrl, {
        connectTimeout: 3000,
        password: res.body.mqtt.password,
        reconnectPeriod: 0,
        username: 'cred-04',
      }),
    ).toBeRejectedWithError(/Bad username or password/i);
    expect((await sut.api('/api/agents/nobody/revoke', { method: 'POST' })).status).toBe(404);
  });

  it('lists enrolled agents without any secret', async () => {
    const list = await agents();

    expect(list.map((a) => a.agentId)).toContain('cred-01.example');
    expect(Object.keys(list[0]).sort()).toEqual([
      'agentId',
      'enrolledAt',
      'hostname',
      'lastSeen',
      'online',
      'revokedAt',
      'tokenId',
    ]);
    expect(JSON.stringify(list)).not.toMatch(/password|\$7\$/);
  });

  it('exports the mosquitto password file of the agents that are not revoked', async () => {
    const res = await fetch(`${sut.base}/api/agents/mosquitto-passwd`, {
      headers: { authorization: `Bearer ${await sut.login()}` },
    });
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(text).toMatch(/^cred-01\.example:\$7\$20000\$/m);
    expect(text).not.toContain('cred-04');
  });
});
