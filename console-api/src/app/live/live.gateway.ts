import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  AGENT_ID_PATTERN,
  type ClientToServerEvents,
  type HostSummary,
  type ServerToClientEvents,
  type StatsReport,
  WS_PATH,
} from '@nta/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';

interface SocketData {
  user: AuthenticatedUser;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export const hostRoom = (hostId: string): string => `host:${hostId}`;

/** socket.io at /ws: JWT on connect, one room per host, typed with the contracts event map. */
@WebSocketGateway({ path: WS_PATH, serveClient: false })
export class LiveGateway implements OnGatewayInit {
  @WebSocketServer()
  private readonly server!: LiveServer;

  constructor(private readonly verifier: AccessTokenVerifier) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token === '') {
        return next(new Error('unauthorized: pass the JWT as auth.token'));
      }
      this.verifier.verify(token).then(
        (user) => {
          socket.data.user = user;
          next();
        },
        (error: Error) => next(new Error(`unauthorized: ${error.message}`)),
      );
    });
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() hostId: unknown,
  ): Promise<{ ok: boolean; error?: string }> {
    if (typeof hostId !== 'string' || !AGENT_ID_PATTERN.test(hostId)) {
      return { error: 'hostId must be an agent id', ok: false };
    }
    await socket.join(hostRoom(hostId));
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() hostId: unknown,
  ): Promise<void> {
    if (typeof hostId === 'string') await socket.leave(hostRoom(hostId));
  }

  emitReport(report: StatsReport): void {
    this.server?.to(hostRoom(report.agentId)).emit('report', report);
  }

  // Every connected socket passed the JWT check, so "all" means all authenticated clients.
  emitHost(host: HostSummary): void {
    this.server?.emit('host', host);
  }

  get connectedClients(): number {
    return this.server?.engine.clientsCount ?? 0;
  }
}
