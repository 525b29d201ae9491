// Starts: a fresh Postgres database, the real console in-process (HTTP + embedded aedes) and
// real mqtt.js fake agents whose status and reports go through the real ingest.
import type { ApiErrorBody, HostDetail, HostGroup, Page } from '@nta/contracts';
import { FakeAgent, testReport } from './support/fake-agent';
import { eventually, startTestConsole, type TestConsole } from './support/test-console';
import { queryTestDatabase } from './support/test-database';

describe('hosts REST API', () => {
  const agents: FakeAgent[] = [];
  let sut: TestConsole;

  const list = async (query = '') => (await sut.api<Page<HostDetail>>(`/api/hosts${query}`)).body;
  const ids = async (query = '') => (await list(query)).items.map((h) => h.id);
  const patch = (id: string, body: unknown) =>
    sut.api<HostDetail & ApiErrorBody>(`/api/hosts/${id}`, {
      body: JSON.stringify(body),
      method: 'PATCH',
    });

  async function agentWithTraffic(id: string, bytes: number): Promise<FakeAgent> {
    const agent = await FakeAgent.connect(sut.brokerUrl, id);
    agents.push(agent);
    await agent.online();
    await agent.publish('stats', testReport(id, 1, { totals: { bytes, packets: bytes / 100 } }));
    return agent;
  }

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
    await agentWithTraffic('web-01', 3000);
    await agentWithTraffic('web-02', 9000);
    const db = await agentWithTraffic('db-01', 1000);
    await eventually('three hosts with a rate', async () => {
      const hosts = (await list()).items;
      return hosts.length === 3 && hosts.every((h) => h.rate.bytesPerSec > 0) ? true : undefined;
    });
    expect((await patch('web-01', { group: 'web', labels: ['prod', 'eu', 'prod'] })).status).toBe(
      200,
    );
    await patch('web-02', { displayName: 'Frontend B', group: 'web', labels: ['staging'] });
    await patch('db-01', { group: 'db', labels: ['prod'] });
    await db.publish('status', {
      agentId: 'db-01',
      capture: null,
      hostname: null,
      state: 'offline',
      ts: Date.now(),
      version: null,
    });
    await eventually('db-01 offline', async () =>
      (await list('?online=false')).total === 1 ? true : undefined,
    );
  }, 30_000);

  afterAll(async () => {
    for (const agent of agents) await agent.close();
    await sut?.close();
  }, 30_000);

  it('answers a page of host details sorted by name, with the coverage of the last report', async () => {
    const page = await list();

    expect(page).toEqual(jasmine.objectContaining({ limit: 500, offset: 0, total: 3 }));
    // web-02 sorts as its display name "Frontend B".
    expect(page.items.map((h) => h.id)).toEqual(['db-01', 'web-02', 'web-01']);
    expect(page.items[2]).toEqual(
      jasmine.objectContaining({
        coveragePct: 100,
        displayName: null,
        group: 'web',
        hostname: 'web-01.test',
        id: 'web-01',
        labels: ['prod', 'eu'],
        online: true,
      }),
    );
  });

  it('filters by group, label, online state and search text', async () => {
    expect(await ids('?group=web')).toEqual(['web-02', 'web-01']);
    expect(await ids('?label=prod')).toEqual(['db-01', 'web-01']);
    expect(await ids('?label=prod&online=true')).toEqual(['web-01']);
    expect(await ids('?online=false')).toEqual(['db-01']);
    expect(await ids('?search=FRONTEND')).toEqual(['web-02']);
    expect(await ids('?search=web-0')).toEqual(['web-02', 'web-01']);
    expect(await ids('?search=web%25')).toEqual([]);
    expect(await ids('?group=nope')).toEqual([]);
  });

  it('sorts by live rate and last seen, and pages', async () => {
    expect(await ids('?sort=bytes')).toEqual(['web-02', 'web-01', 'db-01']);
    expect(await ids('?sort=packets')).toEqual(['web-02', 'web-01', 'db-01']);
    expect((await ids('?sort=lastSeen')).length).toBe(3);

    const second = await list('?sort=bytes&limit=1&offset=1');
    expect(second).toEqual({
      items: [jasmine.objectContaining({ id: 'web-01' })],
      limit: 1,
      offset: 1,
      total: 3,
    });
  });

  it('rejects bad list parameters with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?sort=size', 'sort'],
      ['?online=maybe', 'online'],
      ['?offset=-1', 'offset'],
    ]) {
      const res = await sut.api<ApiErrorBody>(`/api/hosts${query}`);
      expect(res.status).withContext(query).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.message).withContext(query).toContain(field);
    }
  });

  it('reads one host, and says 404 for an unknown one and 400 for an impossible id', async () => {
    const one = await sut.api<HostDetail>('/api/hosts/web-02');
    expect(one.body).toEqual(jasmine.objectContaining({ displayName: 'Frontend B', id: 'web-02' }));

    const unknown = await sut.api<ApiErrorBody>('/api/hosts/ghost');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('HOST_NOT_FOUND');
    const bad = await sut.api<ApiErrorBody>('/api/hosts/-bad-');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('id');
  });

  it('validates PATCH bodies and clears fields with null', async () => {
    const badLabel = await patch('web-02', { labels: ['has space'] });
    expect(badLabel.status).toBe(400);
    expect(badLabel.body.message).toContain('labels');
    const unknownField = await patch('web-02', { colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('colour');
    expect((await patch('ghost', { group: 'x' })).status).toBe(404);

    const cleared = await patch('web-02', { displayName: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual(
      jasmine.objectContaining({ displayName: null, group: 'web', labels: ['staging'] }),
    );
    await patch('web-02', { displayName: 'Frontend B' });
  });

  it('lists groups with host and online counts, paged', async () => {
    const groups = await sut.api<Page<HostGroup>>('/api/groups');
    expect(groups.body).toEqual({
      items: [
        { hosts: 1, name: 'db', online: 0 },
        { hosts: 2, name: 'web', online: 2 },
      ],
      limit: 50,
      offset: 0,
      total: 2,
    });
    const second = await sut.api<Page<HostGroup>>('/api/groups?limit=1&offset=1');
    expect(second.body.items.map((g) => g.name)).toEqual(['web']);
    expect(second.body.total).toBe(2);
    expect((await sut.api('/api/groups?limit=9999')).status).toBe(400);
  });

  it('deletes a host with its data; its agent reappears as a new host when it reports again', async () => {
    const del = await sut.api('/api/hosts/web-01', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await sut.api('/api/hosts/web-01')).status).toBe(404);
    const rows = await queryTestDatabase<{ n: number }>(
      sut.db.url,
      "SELECT (SELECT count(*) FROM reports WHERE agent_id = 'web-01')::int + (SELECT count(*) FROM host_names WHERE host_id = 'web-01')::int AS n",
    );
    expect(rows[0].n).toBe(0);
    expect((await sut.api('/api/hosts/web-01', { method: 'DELETE' })).status).toBe(404);

    await agents[0].publish('stats', testReport('web-01', 2));
    const back = await eventually('web-01 back', async () => {
      const res = await sut.api<HostDetail>('/api/hosts/web-01');
      return res.status === 200 ? res.body : undefined;
    });
    expect(back).toEqual(
      jasmine.objectContaining({ group: null, hostname: null, labels: [], online: true }),
    );
  });
});
