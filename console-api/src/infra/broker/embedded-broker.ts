import { Logger } from '@nestjs/common';
import { Aedes, type AedesPublishPacket, type AuthenticateError, type Client } from 'aedes';
import { timingSafeEqual, createHash } from 'node:crypto';
import * as net from 'node:net';
import { StartupError } from '../../common/errors/startup.error';
import { agentMayPublish, agentMaySubscribe, isValidAgentId } from './agent-acl';

// Deliveries aedes runs at once; the rest wait in a queue it shifts in O(n). Ingest holds up to one
// delivery per agent while Postgres catches up: at aedes's default of 100, everything else (other
// agents, acks) queued behind those and the shifts of a long queue collapsed ingest (bench:ingest
// at 2,500 agents). Room for one held delivery per agent of a large fleet.
const DELIVERIES_IN_FLIGHT = 10_000;

// aedes' AuthErrorCode is a const enum in a .d.ts, which isolated-module compilers cannot inline.
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;

/** What the enrolled-agent store says about a CONNECT; `not-enrolled` falls back to the shared secret. */
export type AgentAuthResult = 'accepted' | 'not-enrolled' | 'rejected' | 'unavailable';
export type AgentAuthenticator = (agentId: string, password: string) => Promise<AgentAuthResult>;

export interface EmbeddedBrokerOptions {
  agentSecret: () => string | null;
  authenticateAgent: AgentAuthenticator;
  host: string;
  port: number;
}

interface RetainedStore {
  createRetainedStream(pattern: string): AsyncIterable<{ payload: Buffer | string; topic: string }>;
}

export type Delivery = (topic: string, payload: Buffer) => Promise<void>;

/**
 * aedes on a plain TCP server, with agent authentication and per-agent topic ACLs. Only agents
 * connect over TCP; the console publishes and subscribes in process (no socket, no second
 * encode and parse of every report), with the same retained-message and QoS 1 behaviour.
 */
export class EmbeddedBroker {
  private readonly logger = new Logger('Broker');
  private readonly agents = new WeakMap<Client, string>();
  // Live connections per agent id, so a revoked or re-enrolled agent can be dropped at once.
  private readonly agentClients = new Map<string, Set<Client>>();

  private constructor(
    private readonly aedes: Aedes,
    private readonly server: net.Server,
  ) {}

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const aedes = await Aedes.createBroker({ concurrency: DELIVERIES_IN_FLIGHT });
    const server = net.createServer(aedes.handle);
    const broker = new EmbeddedBroker(aedes, server);
    broker.secure(options);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      throw listenError(error, options.port);
    }
    return broker;
  }

  isAgentConnected(agentId: string): boolean {
    return (this.agentClients.get(agentId)?.size ?? 0) > 0;
  }

  /** Closes every live connection of this agent; returns how many were closed. */
  disconnectAgent(agentId: string): number {
    const clients = [...(this.agentClients.get(agentId) ?? [])];
    for (const client of clients) client.close();
    this.agentClients.delete(agentId);
    return clients.length;
  }

  /** Publishes as the console; resolves once aedes has delivered or queued it. */
  publish(topic: string, payload: Buffer, options: { qos: 0 | 1; retain: boolean }): Promise<void> {
    const { qos, retain } = options;
    return new Promise((resolve, reject) => {
      this.aedes.publish({ cmd: 'publish', dup: false, payload, qos, retain, topic }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  /**
   * Delivers every publish matching `filter`, and the retained ones on subscribing, like a
   * console client's subscription. aedes PUBACKs as it reads a publish; it reads nothing more
   * from that agent until `deliver` has settled.
   */
  async subscribe(filter: string, deliver: Delivery): Promise<void> {
    const onPacket = (packet: AedesPublishPacket, done: () => void) => {
      deliver(packet.topic, toBuffer(packet.payload)).then(done, done);
    };
    await new Promise<void>((resolve) => this.aedes.subscribe(filter, onPacket, resolve));
    // aedes types leave `persistence` untyped; its retained stream is a Readable of packets.
    const { persistence } = this.aedes as unknown as { persistence: RetainedStore };
    const retained = persistence.createRetainedStream(filter);
    for await (const packet of retained) await deliver(packet.topic, toBuffer(packet.payload));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private secure(options: EmbeddedBrokerOptions): void {
    this.aedes.on('clientDisconnect', (client) => this.untrack(client));
    this.aedes.authenticate = (client, username, password, done) => {
      const given = password ?? Buffer.alloc(0);
      if (!isValidAgentId(username)) return done(authError(BAD_USERNAME_OR_PASSWORD), false);
      this.authenticateAgent(options, username, given).then(
        (code) => {
          if (code !== null) return done(authError(code), false);
          this.agents.set(client, username);
          this.track(username, client);
          done(null, true);
        },
        (error: unknown) => {
          this.logger.error(`agent "${username}" authentication failed: ${String(error)}`);
          done(authError(SERVER_UNAVAILABLE), false);
        },
      );
    };
    // Only TCP clients are checked here: the console's own publishes come with no client.
    this.aedes.authorizePublish = (client, packet, done) => {
      const agentId = client ? this.agents.get(client) : undefined;
      if (agentId !== undefined && agentMayPublish(agentId, packet.topic)) return done(null);
      done(new Error(`publish to ${packet.topic} not allowed`));
    };
    this.aedes.authorizeSubscribe = (client, sub, done) => {
      const agentId = this.agents.get(client);
      if (agentId !== undefined && agentMaySubscribe(agentId, sub.topic)) return done(null, sub);
      // A null subscription answers SUBACK 0x80 without dropping the connection.
      done(null, null);
    };
  }

  /** null when accepted, else the CONNACK code to refuse with. */
  private async authenticateAgent(
    options: EmbeddedBrokerOptions,
    agentId: string,
    given: Buffer,
  ): Promise<number | null> {
    const enrolled = await options.authenticateAgent(agentId, given.toString('utf8'));
    if (enrolled === 'accepted') return null;
    if (enrolled === 'unavailable') return SERVER_UNAVAILABLE;
    if (enrolled === 'rejected') {
      this.logger.warn(`refused agent "${agentId}": wrong password or revoked credentials`);
      return BAD_USERNAME_OR_PASSWORD;
    }
    // Not enrolled: the single-host/dev path, one shared NTA_AGENT_SECRET for every agent.
    const secret = options.agentSecret();
    // Until Postgres has given us the generated secret, agents must wait and retry.
    if (secret === null) return SERVER_UNAVAILABLE;
    if (!sameSecret(given, secret)) {
      this.logger.warn(`refused agent "${agentId}": wrong password (NTA_AGENT_SECRET)`);
      return BAD_USERNAME_OR_PASSWORD;
    }
    return null;
  }

  private track(agentId: string, client: Client): void {
    let set = this.agentClients.get(agentId);
    if (!set) this.agentClients.set(agentId, (set = new Set()));
    set.add(client);
  }

  private untrack(client: Client): void {
    const agentId = this.agents.get(client);
    if (agentId === undefined) return;
    const set = this.agentClients.get(agentId);
    set?.delete(client);
    if (set?.size === 0) this.agentClients.delete(agentId);
  }
}

function sameSecret(given: Buffer, expected: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function toBuffer(payload: Buffer | string): Buffer {
  return typeof payload === 'string' ? Buffer.from(payload) : payload;
}

function authError(code: number): AuthenticateError {
  const error: AuthenticateError = Object.assign(new Error('not authorized'), { returnCode: code });
  return error;
}

function listenError(error: unknown, port: number): Error {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `broker port ${port} is already in use (NTA_BROKER_PORT) — stop the other broker or choose another port`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `broker port ${port} needs privileges (NTA_BROKER_PORT) — choose a port above 1023`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(`cannot bind the broker to this address (NTA_BROKER_HOST)`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
