import {
  type AgentStatus,
  type AgentTopicKind,
  agentTopic,
  type StatsReport,
} from '@nta/contracts';
import { connect, type MqttClient } from 'mqtt';
import type { Logger } from '../common/logger';
import { classifyConnectError, type ConnectFailure } from './connect-error';
import { ReportOutbox } from './report-outbox';

export interface MqttSessionOptions {
  agentId: string;
  consoleUrl: string;
  log: Logger;
  /** The retained offline status; used as last-will and on a clean shutdown. */
  offlineStatus: () => AgentStatus;
  onCommand: (payload: Buffer) => void;
  /** Each failed connect or lost connection, after it was logged. */
  onFailure?: (failure: ConnectFailure) => void;
  /** Runs after every (re)connect: republish status and interfaces. */
  onConnect: () => void;
  outboxCapacity: number;
  password: string | null;
}

// Backoff for network failures; a broker that rejects our credentials is retried slowly.
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
export const REJECTED_RETRY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;
const SHUTDOWN_TIMEOUT_MS = 2_000;

/** The agent's one MQTT connection: QoS 1, persistent session, own reconnect with backoff. */
export class MqttSession {
  private client: MqttClient | null = null;
  private connected = false;
  private failure: ConnectFailure | null = null;
  private outageLogged: string | null = null;
  private outageSince: number | null = null;
  private readonly outbox: ReportOutbox;
  private retryIndex = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private unacked = 0;

  constructor(private readonly opts: MqttSessionOptions) {
    this.outbox = new ReportOutbox(opts.outboxCapacity);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  get queuedReports(): number {
    return this.outbox.size;
  }

  /** Reports not yet acknowledged by the broker: queued, or sent and awaiting their PUBACK. */
  get undeliveredReports(): number {
    return this.outbox.size + this.unacked;
  }

  start(): void {
    const { agentId, consoleUrl, password } = this.opts;
    this.client = connect(consoleUrl, {
      clean: false,
      clientId: `nta-agent-${agentId}`,
      connectTimeout: CONNECT_TIMEOUT_MS,
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

  publishReport(report: StatsReport): void {
    this.outbox.push(report);
    if (this.connected) this.drain();
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
    this.retryIndex = 0;
    const { agentId, consoleUrl, log } = this.opts;
    if (this.outageSince !== null) {
      const seconds = Math.round((Date.now() - this.outageSince) / 1000);
      log.info(
        `console at ${consoleUrl} reachable again after ${seconds}s; sending ${this.outbox.size} queued reports`,
      );
    } else {
      log.info(`connected to console at ${consoleUrl} as ${agentId}`);
    }
    this.outageSince = null;
    this.outageLogged = null;
    client.subscribe(agentTopic(agentId, 'cmd'), { qos: 1 }, (err) => {
      if (err) log.error(`cannot subscribe to commands: ${err.message}`);
    });
    this.opts.onConnect();
    this.drain();
  }

  private onClosed(): void {
    const wasConnected = this.connected;
    this.connected = false;
    if (this.stopping) return;
    this.outageSince ??= Date.now();
    const failure = this.failure ?? { kind: 'network', reason: 'connection closed' };
    this.failure = null;
    const delay =
      failure.kind === 'rejected'
        ? REJECTED_RETRY_MS
        : RETRY_DELAYS_MS[Math.min(this.retryIndex++, RETRY_DELAYS_MS.length - 1)];
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
    const retry = `retrying every ${RETRY_DELAYS_MS[0] / 1000}s (backing off to ${RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1] / 1000}s)`;
    log.warn(`console at ${consoleUrl} ${what} (${failure.reason}); ${retry}; capture continues`);
  }

  private drain(): void {
    const client = this.client;
    if (!client) return;
    const topic = agentTopic(this.opts.agentId, 'stats');
    this.outbox.drain((report) => {
      this.unacked++;
      client.publish(topic, JSON.stringify(report), { qos: 1 }, () => this.unacked--);
    });
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
