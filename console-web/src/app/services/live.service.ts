import {
  DestroyRef,
  Injectable,
  InjectionToken,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import type { HostSummary, StatsReport } from '@nta/contracts';
// The ws entry point has no zod schemas, so the socket code stays out of zod's bundle weight.
import { WS_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@nta/contracts/ws';
import { Observable, Subject, filter } from 'rxjs';
import { Socket, io } from 'socket.io-client';
import { SessionStore } from './session.store';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveState = 'connected' | 'connecting' | 'offline' | 'reconnecting';

/** Opens the socket; a token so specs can hand in a fake one. */
export const LIVE_SOCKET_FACTORY = new InjectionToken<(token: string) => LiveSocket>(
  'LIVE_SOCKET_FACTORY',
  { factory: () => (token) => io({ auth: { token }, path: WS_PATH }) },
);

// After the server refused the handshake socket.io stops retrying by itself.
export const REFUSED_RETRY_MS = 5000;

/** The one socket.io connection: host changes for everyone, reports for subscribed hosts. */
@Injectable({ providedIn: 'root' })
export class LiveService {
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);
  private readonly hostEvents = new Subject<HostSummary>();
  private readonly reportEvents = new Subject<StatsReport>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly session = inject(SessionStore);
  private socket: LiveSocket | null = null;
  private readonly stateSignal = signal<LiveState>('offline');
  private readonly subscriptions = new Map<string, number>();

  readonly error = signal<string | null>(null);
  readonly hosts$: Observable<HostSummary> = this.hostEvents.asObservable();
  readonly state = this.stateSignal.asReadonly();

  constructor() {
    // Follows the session: connect with each new token, disconnect on logout.
    effect(() => {
      const token = this.session.token();
      untracked(() => (token ? this.open(token) : this.close()));
    });
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Live reports of one host; subscribes on the server while anyone listens. */
  reports(hostId: string): Observable<StatsReport> {
    return new Observable<StatsReport>((subscriber) => {
      const inner = this.reportEvents
        .pipe(filter((report) => report.agentId === hostId))
        .subscribe(subscriber);
      this.retain(hostId);
      return () => {
        inner.unsubscribe();
        this.release(hostId);
      };
    });
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.io.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.stateSignal.set('offline');
  }

  private open(token: string): void {
    this.close();
    const socket = this.createSocket(token);
    this.socket = socket;
    this.stateSignal.set('connecting');
    socket.on('connect', () => {
      this.stateSignal.set('connected');
      this.error.set(null);
      // A new connection has no server-side subscriptions yet.
      for (const hostId of this.subscriptions.keys()) this.sendSubscribe(hostId);
    });
    socket.on('disconnect', () => this.stateSignal.set(socket.active ? 'reconnecting' : 'offline'));
    socket.on('connect_error', (err) => {
      this.error.set(err.message);
      if (socket.active) {
        this.stateSignal.set('reconnecting');
        return;
      }
      this.stateSignal.set('offline');
      if (!this.session.isValid()) {
        this.session.clear();
        return;
      }
      this.retryTimer = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
    });
    socket.io.on('reconnect_attempt', () => this.stateSignal.set('reconnecting'));
    socket.on('host', (host) => this.hostEvents.next(host));
    socket.on('report', (report) => this.reportEvents.next(report));
  }

  private release(hostId: string): void {
    const count = (this.subscriptions.get(hostId) ?? 0) - 1;
    if (count > 0) {
      this.subscriptions.set(hostId, count);
      return;
    }
    this.subscriptions.delete(hostId);
    if (this.socket?.connected) this.socket.emit('unsubscribe', hostId);
  }

  private retain(hostId: string): void {
    const count = this.subscriptions.get(hostId) ?? 0;
    this.subscriptions.set(hostId, count + 1);
    // Otherwise the 'connect' handler subscribes once the socket is up.
    if (count === 0 && this.socket?.connected) this.sendSubscribe(hostId);
  }

  private sendSubscribe(hostId: string): void {
    this.socket?.emit('subscribe', hostId, (res) => {
      if (!res.ok) this.error.set(`Live reports for ${hostId}: ${res.error ?? 'refused'}`);
    });
  }
}
