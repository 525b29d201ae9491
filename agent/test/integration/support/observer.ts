// An MQTT client that records everything one agent publishes, as the console would see it.
import {
  type AgentInterfaces,
  type AgentStatus,
  agentTopic,
  type CommandResult,
  type StatsReport,
} from '@nta/contracts';
import { connectAsync, type MqttClient } from 'mqtt';
import { OBSERVER } from './broker';

interface PayloadOf {
  'cmd-result': CommandResult;
  interfaces: AgentInterfaces;
  stats: StatsReport;
  status: AgentStatus;
}
type Kind = keyof PayloadOf;

// Payloads are JSON from the wire, typed by topic; specs validate them against the schemas.
export interface Received<K extends Kind = Kind> {
  kind: K;
  payload: PayloadOf[K];
  retain: boolean;
  topic: string;
}

export class Observer {
  readonly messages: Received[] = [];

  private constructor(
    private readonly client: MqttClient,
    private readonly agentId: string,
  ) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString();
      if (text === '') return; // a cleared retained message
      this.messages.push({
        kind: topic.split('/').pop() as Kind,
        payload: JSON.parse(text) as PayloadOf[Kind],
        retain: packet.retain,
        topic,
      });
    });
  }

  static async connect(url: string, agentId: string): Promise<Observer> {
    const client = await connectAsync(url, { ...OBSERVER, reconnectPeriod: 0 });
    await client.subscribeAsync(`nta/v1/agents/${agentId}/#`, { qos: 1 });
    return new Observer(client, agentId);
  }

  of<K extends Kind>(kind: K): Received<K>[] {
    return this.messages.filter((m): m is Received<K> => m.kind === kind);
  }

  async waitFor<K extends Kind>(
    kind: K,
    predicate: (m: Received<K>) => boolean,
    timeoutMs = 10_000,
  ): Promise<Received<K>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.of(kind).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no ${kind} message matching within ${timeoutMs} ms; got ${this.messages.length} messages`,
        );
      }
      await sleep(50);
    }
  }

  async command(command: object): Promise<void> {
    await this.client.publishAsync(agentTopic(this.agentId, 'cmd'), JSON.stringify(command), {
      qos: 1,
    });
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
