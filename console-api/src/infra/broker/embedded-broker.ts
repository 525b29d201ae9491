import { Logger } from '@nestjs/common';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { timingSafeEqual, createHash } from 'node:crypto';
import * as net from 'node:net';
import { StartupError } from '../../common/errors/startup.error';
import { agentMayPublish, agentMaySubscribe, CONSOLE_USERNAME, isValidAgentId } from './agent-acl';

// aedes' AuthErrorCode is a const enum in a .d.ts, which isolated-module compilers cannot inline.
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;

/** What the enrolled-agent store says about a CONNECT; `not-enrolled` falls back to the shared secret. */
export type AgentAuthResult = 'accepted' | 'not-enrolled' | 'rejected' | 'unavailable';
export type AgentAuthenticator = (agentId: string, password: string) => Promise<AgentAuthResult>;

export interface EmbeddedBrokerOptions {
  agentSecret: () => string | null;
  authenticateAgent: AgentAuthenticator;
  consolePassword: string;
  host: string;
  port: number;
}

type Identity = { kind: 'agent'; agentId: string } | { kind: 'console' };

/** aedes on a plain TCP server, with agent authentication and per-agent topic ACLs. */
export class EmbeddedBroker {
  private readonly logger = new Logger('Broker');
  private readonly identities = new WeakMap<Client, Identity>();
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
    const aedes = await Aedes.createBroker();
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

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private secure(options: EmbeddedBrokerOptions): void {
    this.aedes.on('clientDisconnect', (client) => this.untrack(client));
    this.aedes.authenticate = (client, username, password, done) => {
      const given = password ?? Buffer.alloc(0);
      if (username === CONSOLE_USERNAME && sameSecret(given, options.consolePassword)) {
        this.identities.set(client, { kind: 'console' });
        return done(null, true);
      }
      if (!isValidAgentId(username)) return done(authError(BAD_USERNAME_OR_PASSWORD), false);
      this.authenticateAgent(options, username, given).then(
        (code) => {
          if (code !== null) return done(authError(code), false);
          this.identities.set(client, { agentId: username, kind: 'agent' });
          this.track(username, client);
          done(null, true);
        },
        (error: unknown) => {
          this.logger.error(`agent "${username}" authentication failed: ${String(error)}`);
          done(authError(SERVER_UNAVAILABLE), false);
        },
      );
    };
    this.aedes.authorizePublish = (client, packet, done) => {
      const who = client ? this.identities.get(client) : { kind: 'console' as const };
      if (
        who?.kind === 'console' ||
        (who?.kind === 'agent' && agentMayPublish(who.agentId, packet.topic))
      ) {
        return done(null);
      }
      done(new Error(`publish to ${packet.topic} not allowed`));
    };
    this.aedes.authorizeSubscribe = (client, sub, done) => {
      const who = this.identities.get(client);
      if (
        who?.kind === 'console' ||
        (who?.kind === 'agent' && agentMaySubscribe(who.agentId, sub.topic))
      ) {
        return done(null, sub);
      }
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
    const who = this.identities.get(client);
    if (who?.kind !== 'agent') return;
    const set = this.agentClients.get(who.agentId);
    set?.delete(client);
    if (set?.size === 0) this.agentClients.delete(who.agentId);
  }
}

function sameSecret(given: Buffer, expected: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
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
