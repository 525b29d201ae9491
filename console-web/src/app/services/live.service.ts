import {
  DestroyRef,
  Injectable,
  InjectionToken,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import type { AlertEvent, FleetSummary, HostSummary, StatsReport } from '@nta/contracts';
// The ws entry point has no zod schemas, so the socket code stays out of zod's bundle weight.
import {
  WS_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WsTarget,
} from '@nta/contracts/ws';
import { Observable, Subject, filter } from 'rxjs';
import { Socket, io } from 'socket.io-client';
import { SessionStore } from './session.store';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveState = 'connected' | 'connecting' | 'offline' | 'reconnecting';

const FLEET_TARGET: WsTarget = { fleet: true };

// A host id is the bare string; other targets as JSON, which no host id can look like.
const targetKey = (target: string | WsTarget): string =>
  typeof target === 'string' ? target : JSON.stringify(target);

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
  private readonly alertEvents = new Subject<AlertEvent>();
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);
  private readonly fleetEvents = new Subject<FleetSummary>();
  private readonly hostEvents = new Subject<HostSummary>();
  private readonly reportEvents = new Subject<StatsReport>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly session = inject(SessionStore);
  private socket: LiveSocket | null = null;
  private readonly stateSignal = signal<LiveState>('offline');
  private readonly subscriptions = new Map<string, { count: number; target: string | WsTarget }>();

  readonly alerts$: Observable<AlertEvent> = this.alertEvents.asObservable();
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

  /** The fleet summary, once a second; subscribes on the server while anyone listens. */
  fleet(): Observable<FleetSummary> {
    return this.following(FLEET_TARGET, this.fleetEvents);
  }

  /** Live reports of one host; subscribes on the server while anyone listens. */
  reports(hostId: string): Observable<StatsReport> {
    return this.following(
      hostId,
      this.reportEvents.pipe(filter((report) => report.agentId === hostId)),
    );
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
      for (const { target } of this.subscriptions.values()) this.sendSubscribe(target);
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
    // The console closes sockets whose login ended elsewhere (logout, revoked, user deleted).
    socket.on('unauthorized', (reason) => {
      this.error.set(reason);
      this.session.clear();
    });
    socket.on('alert', (event) => this.alertEvents.next(event));
    socket.on('fleet', (summary) => this.fleetEvents.next(summary));
    socket.on('host', (host) => this.hostEvents.next(host));
    socket.on('report', (report) => this.reportEvents.next(report));
  }

  private following<T>(target: string | WsTarget, events: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      const inner = events.subscribe(subscriber);
      this.retain(target);
      return () => {
        inner.unsubscribe();
        this.release(target);
      };
    });
  }

  private release(target: string | WsTarget): void {
    const key = targetKey(target);
    const entry = this.subscriptions.get(key);
    if (entry && entry.count > 1) {
      entry.count--;
      return;
    }
    this.subscriptions.delete(key);
    if (this.socket?.connected) this.socket.emit('unsubscribe', target);
  }

  private retain(target: string | WsTarget): void {
    const key = targetKey(target);
    const entry = this.subscriptions.get(key);
    if (entry) {
      entry.count++;
      return;
    }
    this.subscriptions.set(key, { count: 1, target });
    // Otherwise the 'connect' handler subscribes once the socket is up.
    if (this.socket?.connected) this.sendSubscribe(target);
  }

  private sendSubscribe(target: string | WsTarget): void {
    this.socket?.emit('subscribe', target, (res) => {
      if (!res.ok)
        this.error.set(`Live updates for ${targetKey(target)}: ${res.error ?? 'refused'}`);
    });
  }
}
