import {
  type AgentCommand,
  type AgentStatus,
  agentTopic,
  type CaptureState,
  type CommandResult,
  emptyTransportCounters,
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
      hostname: `${this.id}.test`,
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

export function testReport(agentId: string, seq: number, overrides: Partial<StatsReport> = {}) {
  const start = Date.now() - 1000;
  const transport = emptyTransportCounters();
  transport.tcp = { bytes: 1200, packets: 2 };
  transport.udp = { bytes: 300, packets: 3 };
  const report: StatsReport = {
    agentId,
    interface: 'eth0',
    intervalEnd: start + 1000,
    intervalStart: start,
    seq,
    totals: { bytes: 1500, packets: 5 },
    transport,
    undecodable: 0,
    ...overrides,
  };
  return report;
}

export function runningCapture(iface = 'eth0', startedAt = Date.now() - 60_000): CaptureState {
  return { error: null, filter: null, interface: iface, running: true, startedAt };
}
