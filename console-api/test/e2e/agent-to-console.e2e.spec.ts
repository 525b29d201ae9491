// End to end, all real: starts the built console (console-api/dist/main.js, embedded broker, a fresh
// database), a network namespace playing a monitored host, and the built agent inside it capturing
// on its veth. UDP sent into the namespace must show up, counted, in the REST API.
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  HostFlowsResponse,
  HostPacketsResponse,
  HostQualityResponse,
  HostStatsResponse,
  HostSummary,
  HostTransportsResponse,
  LegacyStatsResponse,
  Page,
} from '@nta/contracts';
import {
  adminToken,
  bearerJson,
  createTestDatabase,
  createTestHost,
  JsonApi,
  Proc,
  startAgentInNamespace,
  startBuiltConsole,
  TestDatabase,
  TestHost,
  waitFor,
} from '@nta/testing';

const AGENT_ID = 'e2e-host';
const ADMIN_PASSWORD = 'e2e-admin-pass';
const AGENT_SECRET = 'e2e-agent-secret';

describe('agent to console, end to end', () => {
  let agent: Proc;
  let api: JsonApi;
  let consoleProc: Proc;
  let db: TestDatabase;
  let host: TestHost;
  let stateDir: string;

  async function sendUdp(count: number): Promise<void> {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, host.hostAddress, r));
    for (let i = 0; i < count; i++) {
      await new Promise<void>((done, fail) =>
        socket.send(`probe ${i}`, 40_000, host.nsAddress, (e) => (e ? fail(e) : done())),
      );
    }
    socket.close();
  }

  function udpPacketsSince(from: number) {
    return api<HostStatsResponse>(`/api/hosts/${AGENT_ID}/stats?from=${from}`).then((r) =>
      r.points.reduce((sum, p) => sum + p.transport.udp.packets, 0),
    );
  }

  beforeAll(async () => {
    host = createTestHost({ name: 'e2e', subnet: 251 });
    db = await createTestDatabase('nta_e2e');
    stateDir = mkdtempSync(join(tmpdir(), 'nta-e2e-agent-'));
    const started = await startBuiltConsole({
      adminPassword: ADMIN_PASSWORD,
      agentSecret: AGENT_SECRET,
      databaseUrl: db.url,
    });
    consoleProc = started.proc;
    api = bearerJson(started.baseUrl, await adminToken(started.baseUrl, ADMIN_PASSWORD));
    agent = startAgentInNamespace({
      agentId: AGENT_ID,
      brokerPort: started.brokerPort,
      host,
      password: AGENT_SECRET,
      stateDir,
    });
    await waitFor(
      'the agent online and capturing',
      async () => {
        const hosts = (await api<Page<HostSummary>>('/api/hosts')).items;
        const h = hosts.find((x) => x.id === AGENT_ID);
        return h?.online && h.capture?.running ? h : undefined;
      },
      30_000,
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}\nagent output:\n${agent.output()}\nconsole:\n${consoleProc.output()}`,
      );
    });
  }, 120_000);

  afterAll(async () => {
    await agent?.stop();
    await consoleProc?.stop();
    host?.remove();
    await db?.drop();
    rmSync(stateDir, { force: true, recursive: true });
  }, 30_000);

  it('counts UDP datagrams sent into the host and serves them over REST', async () => {
    const from = Date.now() - 1000;
    await sendUdp(300);

    const udp = await waitFor(
      '300 UDP packets in /api/hosts/:id/stats',
      async () => {
        const n = await udpPacketsSince(from);
        return n >= 300 ? n : undefined;
      },
      15_000,
    );

    // ICMP port-unreachable answers are not UDP; only our datagrams (and no others) cross this link.
    expect(udp).toBeGreaterThanOrEqual(300);
    expect(udp).toBeLessThan(320);
  }, 30_000);

  it("serves the agent's analysis of those datagrams: flow, transports, quality, samples", async () => {
    const range = `from=${Date.now() - 60_000}`;
    const base = `/api/hosts/${AGENT_ID}`;
    const probe = await waitFor(
      'the probe flow in /api/hosts/:id/flows',
      async () => {
        const flows = await api<HostFlowsResponse>(`${base}/flows?${range}`);
        return flows.flows.find(
          (f) => f.transport === 'udp' && (f.bPort === 40_000 || f.aPort === 40_000),
        );
      },
      10_000,
    );
    expect(probe.packetsAtoB + probe.packetsBtoA).toBeGreaterThanOrEqual(300);
    expect([probe.a, probe.b].sort()).toEqual([host.hostAddress, host.nsAddress].sort());

    const transports = await api<HostTransportsResponse>(`${base}/transports?${range}`);
    expect(transports.transport.udp.packets).toBeGreaterThanOrEqual(300);

    const quality = await api<HostQualityResponse>(`${base}/quality?${range}`);
    expect(quality.points.length).toBeGreaterThan(0);
    expect(quality.summary.captured).toBeGreaterThanOrEqual(300);

    const packets = await api<HostPacketsResponse>(`${base}/packets?limit=20`);
    expect(packets.packets.length).toBeGreaterThan(0);
    expect(packets.packets[0].interface).toBe(host.innerInterface);
  }, 20_000);

  it("answers the original tool's /api/stats for the chosen host", async () => {
    const stats = await api<LegacyStatsResponse>(`/api/stats?host=${AGENT_ID}`);

    expect(stats.capturing).toBeTrue();
    expect(stats.interface).toBe(host.innerInterface);
    expect(stats.protocols['UDP']).toBeGreaterThanOrEqual(300);
    expect(stats.packet_count).toBeGreaterThanOrEqual(stats.protocols['UDP']);
  }, 15_000);

  it('stops and restarts the capture from the console', async () => {
    const stopped = await api<{ ok: boolean; capture: { running: boolean } }>(
      `/api/hosts/${AGENT_ID}/capture/stop`,
      { method: 'POST' },
    );
    expect(stopped.ok).toBeTrue();
    expect(stopped.capture.running).toBeFalse();

    const afterStop = Date.now();
    await sendUdp(50);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await udpPacketsSince(afterStop)).toBe(0);

    const started = await api<{ ok: boolean; capture: { running: boolean; interface: string } }>(
      `/api/hosts/${AGENT_ID}/capture/start`,
      { body: JSON.stringify({ interface: host.innerInterface }), method: 'POST' },
    );
    expect(started.ok).toBeTrue();
    expect(started.capture.running).toBeTrue();

    const afterStart = Date.now();
    await sendUdp(40);
    const udp = await waitFor(
      'UDP counted again after restart',
      async () => {
        const n = await udpPacketsSince(afterStart);
        return n >= 40 ? n : undefined;
      },
      15_000,
    );
    expect(udp).toBeGreaterThanOrEqual(40);
  }, 45_000);
});
