import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { OnApplicationShutdown } from '@nestjs/common';
import {
  type AlertEvent,
  type ClientToServerEvents,
  type HostDetail,
  type ServerToClientEvents,
  type StatsReport,
  WS_PATH,
  type WsAck,
} from '@nta/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';
import { bearerToken } from '../../common/guards/jwt-auth.guard';
import { LiveState } from './live-state';
import { FLEET_ROOM, groupRoom, hostRoom, targetRoom } from './ws-target';

// The `fleet` event's period.
export const FLEET_TICK_MS = 1000;
// How often open sockets are checked again: a logout, a revoked API token, a deleted or demoted
// user closes (or re-roles) the socket within this time, not only at the next handshake.
export const REAUTH_MS = 5000;

interface SocketData {
  user: AuthenticatedUser;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/**
 * socket.io at /ws: JWT on connect; rooms per host, per group and for the fleet summary;
 * typed with the contracts event map. Keeps LiveState current as it pushes.
 */
@WebSocketGateway({ path: WS_PATH, serveClient: false })
export class LiveGateway implements OnGatewayInit, OnApplicationShutdown {
  @WebSocketServer()
  private readonly server!: LiveServer;
  readonly state = new LiveState();
  private reauthTimer: NodeJS.Timeout | null = null;
  private ticker: NodeJS.Timeout | null = null;

  constructor(private readonly verifier: AccessTokenVerifier) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      // Browsers pass auth.token; integrations may send `Authorization: Bearer <API token>`.
      const token = handshakeToken(socket);
      if (!token) {
        return next(
          new Error('unauthorized: pass the JWT or API token as auth.token or a Bearer header'),
        );
      }
      this.verifier.verify(token).then(
        (user) => {
          socket.data.user = user;
          next();
        },
        (error: Error) => next(new Error(`unauthorized: ${error.message}`)),
      );
    });
    this.ticker = setInterval(() => this.emitFleet(), FLEET_TICK_MS);
    this.ticker.unref();
    this.reauthTimer = setInterval(() => void this.reauthenticate(), REAUTH_MS);
    this.reauthTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.reauthTimer) clearInterval(this.reauthTimer);
    this.ticker = null;
    this.reauthTimer = null;
  }

  /** Verifies every open socket's token again; a refused one is told why and disconnected. */
  async reauthenticate(): Promise<void> {
    const sockets = await this.server.fetchSockets();
    await Promise.all(
      sockets.map(async (socket) => {
        const token = handshakeToken(socket);
        try {
          if (!token) throw new DomainException('UNAUTHORIZED', 'no token');
          socket.data.user = await this.verifier.verify(token);
        } catch (error) {
          // DB trouble is no reason to drop people; an answer that the token is bad is.
          if (!(error instanceof DomainException && error.code === 'UNAUTHORIZED')) return;
          socket.emit('unauthorized', `session ended: ${error.message}`);
          socket.disconnect(true);
        }
      }),
    );
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() target: unknown,
  ): Promise<WsAck> {
    const room = targetRoom(target);
    if (!room.ok) return room;
    await socket.join(room.room);
    // A fleet subscriber sees the numbers at once instead of waiting for the next tick.
    if (room.room === FLEET_ROOM) socket.emit('fleet', this.state.fleet());
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() target: unknown,
  ): Promise<WsAck> {
    const room = targetRoom(target);
    if (!room.ok) return room;
    await socket.leave(room.room);
    return { ok: true };
  }

  emitReport(report: StatsReport): void {
    this.state.applyReport(report);
    const group = this.state.groupOf(report.agentId);
    const rooms = group ? [hostRoom(report.agentId), groupRoom(group)] : [hostRoom(report.agentId)];
    // socket.io encodes before it looks at the rooms: at 2,000 reports/s with nobody watching
    // that encoding was a tenth of the console's CPU (bench:ingest), so empty rooms are skipped.
    if (!rooms.some((room) => this.listeners(room) > 0)) return;
    // One emit over both rooms: a socket in both gets the report once.
    this.server.to(rooms).emit('report', report);
  }

  // Every connected socket passed the JWT check, so "all" means all authenticated clients.
  emitHost(host: HostDetail): void {
    this.state.applyHost(host);
    if (this.connectedClients > 0) this.server.emit('host', host);
  }

  emitAlert(event: AlertEvent): void {
    this.server?.emit('alert', event);
  }

  get connectedClients(): number {
    return this.server?.engine.clientsCount ?? 0;
  }

  private emitFleet(): void {
    if (this.listeners(FLEET_ROOM) > 0)
      this.server.to(FLEET_ROOM).emit('fleet', this.state.fleet());
  }

  private listeners(room: string): number {
    return this.server?.of('/').adapter.rooms.get(room)?.size ?? 0;
  }
}

function handshakeToken(socket: { handshake: LiveSocket['handshake'] }): string | null {
  // Browsers pass auth.token; integrations may send `Authorization: Bearer <API token>`.
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  return typeof fromAuth === 'string' && fromAuth !== ''
    ? fromAuth
    : bearerToken(socket.handshake.headers.authorization);
}
