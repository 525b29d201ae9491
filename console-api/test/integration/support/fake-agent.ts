import {
  type AgentCommand,
  type AgentStatus,
  agentTopic,
  type CaptureState,
  type CommandResult,
  emptyStatsReport,
  type FlowRow,
  type StatsReport,
} from '@nta/contracts';
import * as mqtt from 'mqtt';
import { AGENT_SECRET } from './test-console';

/** A real mqtt.js client that speaks the agent protocol, driven by the test. */
export class FakeAgent {
  private constructor(
    readonly id: string,
    readonly client: mqtt.MqttClient,
  ) {}

  static async connect(
    url: string,
    id: string,
    options: Partial<mqtt.IClientOptions> = {},
  ): Promise<FakeAgent> {
    const client = await mqtt.connectAsync(url, {
      clientId: `${id}-${Math.random().toString(16).slice(2, 8)}`,
      connectTimeout: 3000,
      password: AGENT_SECRET,
      reconnectPeriod: 0,
      username: id,
      ...options,
    });
    return new FakeAgent(id, client);
  }

  publish(
    kind: 'cmd-result' | 'interfaces' | 'stats' | 'status',
    payload: unknown,
    retain = false,
  ) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return this.client.publishAsync(agentTopic(this.id, kind), body, { qos: 1, retain });
  }

  online(capture: CaptureState | null = null): Promise<unknown> {
    const status: AgentStatus = {
      agentId: this.id,
      capture,
      captures: capture ? [capture] : [],
      hostname: `${this.id}.test`,
      outbox: null,
      state: 'online',
      ts: Date.now(),
      version: '9.9.9',
    };
    return this.publish('status', status);
  }

  /** Answers every command with `answer(command)`; null means stay silent. */
  async answerCommands(
    answer: (command: AgentCommand) => Omit<CommandResult, 'agentId' | 'id' | 'ts'> | null,
  ): Promise<AgentCommand[]> {
    const seen: AgentCommand[] = [];
    await this.client.subscribeAsync(agentTopic(this.id, 'cmd'), { qos: 1 });
    this.client.on('message', (_topic, payload) => {
      const command = JSON.parse(payload.toString()) as AgentCommand;
      seen.push(command);
      const result = answer(command);
      if (result) {
        void this.publish('cmd-result', {
          ...result,
          agentId: this.id,
          id: command.id,
          ts: Date.now(),
        });
      }
    });
    return seen;
  }

  close(): Promise<void> {
    return this.client.endAsync(true);
  }
}

/**
 * A full report of one second on eth0 (1500 bytes, 5 packets): a TLS flow and a DNS flow,
 * their talkers, one learned name, two samples and full capture coverage.
 */
export function testReport(agentId: string, seq: number, overrides: Partial<StatsReport> = {}) {
  const start = overrides.intervalStart ?? Date.now() - 1000;
  const report = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: start + 1000,
    intervalStart: start,
    seq,
  });
  report.transport.tcp = { bytes: 1200, packets: 2 };
  report.transport.udp = { bytes: 300, packets: 3 };
  report.totals = { bytes: 1500, packets: 5 };
  report.applications = { dns: { bytes: 300, packets: 3 }, tls: { bytes: 1200, packets: 2 } };
  report.direction.in = { bytes: 800, packets: 3 };
  report.direction.out = { bytes: 700, packets: 2 };
  report.flows = [
    testFlow(start, {
      application: 'tls',
      b: '93.184.216.34',
      bPort: 443,
      bytesAtoB: 600,
      bytesBtoA: 600,
      packetsAtoB: 1,
      packetsBtoA: 1,
      tcpFlags: 'PA',
    }),
    testFlow(start, {
      aPort: 53000,
      application: 'dns',
      b: '10.0.0.1',
      bPort: 53,
      bytesAtoB: 100,
      bytesBtoA: 200,
      packetsAtoB: 1,
      packetsBtoA: 2,
      transport: 'udp',
    }),
  ];
  report.talkers = {
    local: [talker('10.0.0.2', 800, 3, 700, 2)],
    localOther: { bytes: 0, packets: 0 },
    remote: [
      { ...talker('93.184.216.34', 600, 1, 600, 1), name: 'example.com' },
      talker('10.0.0.1', 100, 1, 200, 2),
    ],
    remoteOther: { bytes: 0, packets: 0 },
  };
  report.names = { '93.184.216.34': 'example.com' };
  report.samples = [
    {
      dst: '93.184.216.34',
      info: '50000 → 443 [PSH, ACK]',
      length: 600,
      protocol: 'TLS',
      src: '10.0.0.2',
      ts: start + 100,
    },
    {
      dst: '10.0.0.1',
      info: 'A? example.com',
      length: 100,
      protocol: 'DNS',
      src: '10.0.0.2',
      ts: start + 200,
    },
  ];
  report.quality = {
    ...report.quality,
    captured: 5,
    coveragePct: 100,
    drops: 0,
    interfacePackets: 5,
    publishLagMs: 12,
  };
  return { ...report, ...overrides };
}

/** A TCP flow 10.0.0.2:50000 → b inside the second starting at `start`. */
export function testFlow(start: number, fields: Partial<FlowRow> = {}): FlowRow {
  return {
    a: '10.0.0.2',
    aPort: 50000,
    application: 'unknown',
    b: '10.0.0.1',
    bPort: 80,
    bytesAtoB: 0,
    bytesBtoA: 0,
    firstSeen: start + 10,
    lastSeen: start + 900,
    packetsAtoB: 0,
    packetsBtoA: 0,
    tcpFlags: '',
    transport: 'tcp',
    tunnel: null,
    ...fields,
  };
}

function talker(
  address: string,
  bytesIn: number,
  packetsIn: number,
  bytesOut: number,
  packetsOut: number,
) {
  return { address, bytesIn, bytesOut, name: null, packetsIn, packetsOut };
}

export function runningCapture(iface = 'eth0', startedAt = Date.now() - 60_000): CaptureState {
  return { error: null, filter: null, interface: iface, running: true, startedAt };
}
