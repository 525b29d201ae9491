import { type AgentStatus, type AgentTopicKind, agentTopic } from '@nta/contracts';
import type { MqttClient } from 'mqtt';
import type { Logger } from '../common/logger';
import { Backoff, type BackoffOptions } from './backoff';
import { classifyConnectError, type ConnectFailure } from './connect-error';
import { createMqttClient } from './mqtt-client';

export interface MqttSessionOptions {
  agentId: string;
  backoff?: BackoffOptions;
  // Reports waiting to be sent, for the reconnect log line.
  backlog?: () => number;
  consoleUrl: string;
  keepaliveSeconds?: number;
  log: Logger;
  /** The retained offline status; used as last-will and on a clean shutdown. */
  offlineStatus: () => AgentStatus;
  /** A payload on the agent's ack topic (the console committed these reports). */
  onAck?: (payload: Buffer) => void;
  onCommand: (payload: Buffer) => void;
  /** Runs after every (re)connect: republish status and interfaces, resume sending. */
  onConnect: () => void;
  /** The connection dropped (reports in flight will never be PUBACKed on it). */
  onDisconnect?: () => void;
  /** Each failed connect or lost connection, after it was logged. */
  onFailure?: (failure: ConnectFailure) => void;
  password: string | null;
}

// Backoff for network failures; a broker that rejects our credentials is retried slowly.
export const DEFAULT_BACKOFF: BackoffOptions = { jitter: 0.2, maxMs: 15_000, minMs: 1_000 };
export const REJECTED_RETRY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_KEEPALIVE_SECONDS = 30;
const SHUTDOWN_TIMEOUT_MS = 2_000;

/** The agent's one MQTT connection: QoS 1, persistent session, own reconnect with backoff. */
export class MqttSession {
  private readonly backoff: Backoff;
  private client: MqttClient | null = null;
  private connected = false;
  private failure: ConnectFailure | null = null;
  private outageLogged: string | null = null;
  private outageSince: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly opts: MqttSessionOptions) {
    this.backoff = new Backoff(opts.backoff ?? DEFAULT_BACKOFF);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  start(): void {
    const { agentId, consoleUrl, password } = this.opts;
    this.client = createMqttClient(consoleUrl, {
      clean: false,
      clientId: `nta-agent-${agentId}`,
      connectTimeout: CONNECT_TIMEOUT_MS,
      keepalive: this.opts.keepaliveSeconds ?? DEFAULT_KEEPALIVE_SECONDS,
      // Reconnects are ours (backoff, slow retry on rejection); connect() keeps the in-flight store.
      reconnectPeriod: 0,
      username: agentId,
      will: this.will(),
      ...(password !== null ? { password } : {}),
    });
    this.client.on('connect', () => this.onConnected());
    this.client.on('error', (e) => {
      this.failure = classifyConnectError(e, agentId);
    });
    this.client.on('close', () => this.onClosed());
    this.client.on('message', (topic, payload) => {
      if (topic === agentTopic(agentId, 'cmd')) this.opts.onCommand(payload);
      else if (topic === agentTopic(agentId, 'ack')) this.opts.onAck?.(payload);
    });
  }

  /** Retained messages are only sent while connected: onConnect republishes fresh ones. */
  publishRetained(kind: AgentTopicKind, payload: object): void {
    if (!this.connected || !this.client) return;
    this.client.publish(agentTopic(this.opts.agentId, kind), JSON.stringify(payload), {
      qos: 1,
      retain: true,
    });
  }

  publish(kind: AgentTopicKind, payload: object): void {
    if (!this.connected || !this.client) return;
    this.client.publish(agentTopic(this.opts.agentId, kind), JSON.stringify(payload), { qos: 1 });
  }

  /** A report at QoS 1; `done` runs on its PUBACK. False (nothing sent) while disconnected. */
  sendReport(payload: Buffer | string, done?: () => void): boolean {
    if (!this.connected || !this.client) return false;
    this.client.publish(agentTopic(this.opts.agentId, 'stats'), payload, { qos: 1 }, () =>
      done?.(),
    );
    return true;
  }

  /** Publishes the offline status (awaiting its PUBACK briefly), then disconnects cleanly. */
  async close(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    if (!client) return;
    if (this.connected) {
      const topic = agentTopic(this.opts.agentId, 'status');
      const payload = JSON.stringify(this.opts.offlineStatus());
      await withTimeout(
        client.publishAsync(topic, payload, { qos: 1, retain: true }).then(() => undefined),
        SHUTDOWN_TIMEOUT_MS,
      );
      await withTimeout(client.endAsync(false), SHUTDOWN_TIMEOUT_MS);
    }
    await client.endAsync(true);
  }

  private onConnected(): void {
    const client = this.client;
    if (!client) return;
    this.connected = true;
    this.failure = null;
    this.backoff.reset();
    const { agentId, consoleUrl, log } = this.opts;
    if (this.outageSince !== null) {
      const seconds = Math.round((Date.now() - this.outageSince) / 1000);
      const backlog = this.opts.backlog?.() ?? 0;
      log.info(
        `console at ${consoleUrl} reachable again after ${seconds}s; sending ${backlog} queued reports`,
      );
    } else {
      log.info(`connected to console at ${consoleUrl} as ${agentId}`);
    }
    this.outageSince = null;
    this.outageLogged = null;
    const topics = [agentTopic(agentId, 'cmd'), agentTopic(agentId, 'ack')];
    client.subscribe(topics, { qos: 1 }, (err) => {
      if (err) log.error(`cannot subscribe to commands and acks: ${err.message}`);
    });
    this.opts.onConnect();
  }

  private onClosed(): void {
    const wasConnected = this.connected;
    this.connected = false;
    if (wasConnected) this.opts.onDisconnect?.();
    if (this.stopping) return;
    this.outageSince ??= Date.now();
    const failure = this.failure ?? { kind: 'network', reason: 'connection closed' };
    this.failure = null;
    const delay = failure.kind === 'rejected' ? REJECTED_RETRY_MS : this.backoff.next();
    this.logOutage(failure, wasConnected);
    this.opts.onFailure?.(failure);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopping || !this.client) return;
      this.client.options.will = this.will();
      this.client.connect();
    }, delay);
  }

  // One line per outage (and per change of cause), never a stack trace.
  private logOutage(failure: ConnectFailure, wasConnected: boolean): void {
    const { consoleUrl, log } = this.opts;
    const key = `${failure.kind}:${failure.reason}`;
    if (this.outageLogged === key && !wasConnected) return;
    this.outageLogged = key;
    if (failure.kind === 'rejected') {
      log.error(`${failure.reason}; retrying every ${REJECTED_RETRY_MS / 1000}s`);
      return;
    }
    const what = wasConnected ? 'connection lost' : 'unreachable';
    const { maxMs, minMs } = this.opts.backoff ?? DEFAULT_BACKOFF;
    const retry = `retrying every ${minMs / 1000}s (backing off to ${maxMs / 1000}s)`;
    log.warn(`console at ${consoleUrl} ${what} (${failure.reason}); ${retry}; capture continues`);
  }

  private will() {
    return {
      payload: Buffer.from(JSON.stringify(this.opts.offlineStatus())),
      qos: 1 as const,
      retain: true,
      topic: agentTopic(this.opts.agentId, 'status'),
    };
  }
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
