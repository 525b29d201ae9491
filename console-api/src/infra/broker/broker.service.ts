import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import * as mqtt from 'mqtt';
import { randomBytes } from 'node:crypto';
import { CONSOLE_CONFIG } from '../config/config.token';
import type { ConsoleConfig } from '../config/console-config';
import { type AgentAuthenticator, EmbeddedBroker } from './embedded-broker';
import { topicMatches } from './topic-match';

export interface PublishOptions {
  // 1 unless said: QoS 0 is for messages whose loss costs only a resend (acks).
  qos?: 0 | 1;
  retain?: boolean;
}

export type MessageHandler = (topic: string, payload: Buffer) => Promise<void> | void;

const FIRST_CONNECT_WAIT_MS = 3000;

/**
 * The console's one door to MQTT: in process to its own aedes (embedded), or through an mqtt.js
 * client to NTA_BROKER_URL (external). Handlers and publishes look the same in both modes.
 */
@Injectable()
export class BrokerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Broker');
  private readonly handlers: { filter: string; handler: MessageHandler }[] = [];
  private agentSecret: string | null;
  // Until the enrolment store is loaded, enrolled agents are told to retry (CONNACK 3).
  private authenticateAgent: AgentAuthenticator = () => Promise.resolve('unavailable');
  private client: mqtt.MqttClient | null = null;
  private embedded: EmbeddedBroker | null = null;
  private lastError: string | null = null;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {
    this.agentSecret = config.agentSecret;
  }

  get isConnected(): boolean {
    return this.embedded !== null || (this.client?.connected ?? false);
  }

  /** The port agents connect to: the bound port in embedded mode, null when external. */
  get port(): number | null {
    return this.embedded?.port ?? null;
  }

  get address(): string {
    if (this.embedded) return `mqtt://${this.config.broker.host}:${this.embedded.port}`;
    return redactMqttUrl(this.config.broker.url ?? '');
  }

  /** Agents' MQTT password; set once Postgres has it when it was generated. */
  useAgentSecret(secret: string): void {
    this.agentSecret = secret;
  }

  /** Where enrolled agents' per-agent credentials are checked (the agents feature sets it). */
  useAgentAuthenticator(authenticate: AgentAuthenticator): void {
    this.authenticateAgent = authenticate;
  }

  /** Embedded mode only: an external broker's sessions are not ours to see. */
  isAgentConnected(agentId: string): boolean {
    return this.embedded?.isAgentConnected(agentId) ?? false;
  }

  /** Drops the agent's live connections (embedded mode); returns how many were closed. */
  disconnectAgent(agentId: string): number {
    return this.embedded?.disconnectAgent(agentId) ?? 0;
  }

  async onModuleInit(): Promise<void> {
    const { broker } = this.config;
    if (broker.mode === 'embedded') {
      this.embedded = await EmbeddedBroker.start({
        agentSecret: () => this.agentSecret,
        authenticateAgent: (agentId, password) => this.authenticateAgent(agentId, password),
        host: broker.host,
        port: broker.port,
      });
      return;
    }
    this.client = this.connect(
      broker.url ?? '',
      broker.username ?? undefined,
      broker.password ?? undefined,
    );
    await this.firstConnect(this.client);
  }

  async publish(topic: string, payload: unknown, options: PublishOptions = {}): Promise<void> {
    const body = JSON.stringify(payload);
    const qos = options.qos ?? 1;
    if (this.embedded) {
      return this.embedded.publish(topic, Buffer.from(body), { qos, retain: !!options.retain });
    }
    if (!this.client) throw new Error('broker client not started');
    await this.client.publishAsync(topic, body, { qos, retain: options.retain });
  }

  /**
   * The broker takes nothing more from that agent until the handler settles (embedded: aedes
   * stops reading it; external: mqtt.js holds its PUBACK). Durability is the `ack` after commit.
   */
  async subscribe(filter: string, handler: MessageHandler): Promise<void> {
    if (this.embedded) {
      await this.embedded.subscribe(filter, (topic, payload) => this.run(handler, topic, payload));
      return;
    }
    if (!this.client) throw new Error('broker client not started');
    this.handlers.push({ filter, handler });
    const granted = await this.client.subscribeAsync(filter, { qos: 1 });
    if (granted.some((g) => g.qos === 128))
      throw new Error(`broker refused subscription ${filter}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync(true).catch(() => undefined);
    if (this.embedded) await this.embedded.close();
  }

  private connect(url: string, username?: string, password?: string): mqtt.MqttClient {
    const client = mqtt.connect(url, {
      clean: true,
      clientId: `nta-console-${randomBytes(6).toString('hex')}`,
      connectTimeout: 5000,
      password,
      reconnectPeriod: 2000,
      username,
    });
    client.handleMessage = (packet, done) => {
      this.dispatch(packet.topic, toBuffer(packet.payload)).then(
        () => done(),
        () => done(),
      );
    };
    client.on('connect', () => {
      if (this.lastError !== null) this.logger.log(`connected to MQTT broker at ${this.address}`);
      this.lastError = null;
    });
    client.on('error', (error) => this.reportError(error));
    return client;
  }

  private firstConnect(client: mqtt.MqttClient): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, FIRST_CONNECT_WAIT_MS);
      client.once('connect', finish);
      client.once('error', finish);
      function finish(): void {
        clearTimeout(timer);
        client.off('connect', finish);
        client.off('error', finish);
        resolve();
      }
    });
  }

  // External mode: mqtt.js hands over one message at a time, for every matching handler.
  private async dispatch(topic: string, payload: Buffer): Promise<void> {
    for (const { filter, handler } of this.handlers) {
      if (topicMatches(filter, topic)) await this.run(handler, topic, payload);
    }
  }

  private async run(handler: MessageHandler, topic: string, payload: Buffer): Promise<void> {
    try {
      await handler(topic, payload);
    } catch (error) {
      this.logger.error(`handler for ${topic} failed: ${(error as Error).message}`);
    }
  }

  private reportError(error: Error): void {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : error.message;
    const line = `cannot reach MQTT broker at ${this.address} (${reason}): start it, or fix NTA_BROKER_URL`;
    if (line === this.lastError) return;
    this.lastError = line;
    this.logger.error(line);
  }
}

function toBuffer(payload: string | Buffer): Buffer {
  return typeof payload === 'string' ? Buffer.from(payload) : payload;
}

function redactMqttUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
