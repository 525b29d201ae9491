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
import { CONSOLE_USERNAME } from './agent-acl';
import { type AgentAuthenticator, EmbeddedBroker } from './embedded-broker';
import { topicMatches } from './topic-match';

export type MessageHandler = (topic: string, payload: Buffer) => Promise<void> | void;

const FIRST_CONNECT_WAIT_MS = 3000;

/**
 * The console's one door to MQTT. In both modes it talks through an mqtt.js client: to its own
 * aedes (embedded) or to NTA_BROKER_URL (external), so ingest and commands share one code path.
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
    return this.client?.connected ?? false;
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
    let url: string;
    let username = broker.username ?? undefined;
    let password = broker.password ?? undefined;
    if (broker.mode === 'embedded') {
      password = randomBytes(24).toString('hex');
      username = CONSOLE_USERNAME;
      this.embedded = await EmbeddedBroker.start({
        agentSecret: () => this.agentSecret,
        authenticateAgent: (agentId, password) => this.authenticateAgent(agentId, password),
        consolePassword: password,
        host: broker.host,
        port: broker.port,
      });
      url = `mqtt://${loopbackFor(broker.host)}:${this.embedded.port}`;
    } else {
      url = broker.url ?? '';
    }
    this.client = this.connect(url, username, password);
    await this.firstConnect(this.client);
  }

  async publish(
    topic: string,
    payload: unknown,
    options: { retain?: boolean } = {},
  ): Promise<void> {
    if (!this.client) throw new Error('broker client not started');
    await this.client.publishAsync(topic, JSON.stringify(payload), {
      qos: 1,
      retain: options.retain,
    });
  }

  /** Handlers run one message at a time; the PUBACK waits for them (so a stored report is acked). */
  async subscribe(filter: string, handler: MessageHandler): Promise<void> {
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

  private async dispatch(topic: string, payload: Buffer): Promise<void> {
    for (const { filter, handler } of this.handlers) {
      if (!topicMatches(filter, topic)) continue;
      try {
        await handler(topic, payload);
      } catch (error) {
        this.logger.error(`handler for ${topic} failed: ${(error as Error).message}`);
      }
    }
  }

  private reportError(error: Error): void {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : error.message;
    const line =
      this.config.broker.mode === 'external'
        ? `cannot reach MQTT broker at ${this.address} (${reason}): start it, or fix NTA_BROKER_URL`
        : `lost the internal connection to the embedded broker (${reason})`;
    if (line === this.lastError) return;
    this.lastError = line;
    this.logger.error(line);
  }
}

function loopbackFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host.includes(':') ? `[${host}]` : host;
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
