import { TestBed } from '@angular/core/testing';
import type { StatsReport } from '@nta/contracts';
import { FakeSocket } from '../../testing/fake-socket';
import { host, report } from '../../testing/fixtures';
import { LIVE_SOCKET_FACTORY, LiveService, LiveSocket } from './live.service';
import { SessionStore } from './session.store';

describe(LiveService.name, () => {
  let session: SessionStore;
  let sockets: { socket: FakeSocket; token: string }[];
  let sut: LiveService;

  const signIn = (token: string) =>
    session.save({ expiresAt: Date.now() + 60_000, token, user: { role: 'admin', username: 'a' } });
  const latest = () => sockets[sockets.length - 1].socket;
  const subscribes = (socket: FakeSocket) =>
    socket.emitted.filter(([event]) => event === 'subscribe').map(([, id]) => id);

  beforeEach(() => {
    localStorage.clear();
    sockets = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: LIVE_SOCKET_FACTORY,
          useValue: (token: string) => {
            const socket = new FakeSocket();
            sockets.push({ socket, token });
            return socket as unknown as LiveSocket;
          },
        },
      ],
    });
    session = TestBed.inject(SessionStore);
    signIn('t1');
    sut = TestBed.inject(LiveService);
    TestBed.tick();
  });

  it('connects with the session token and reports its state', () => {
    expect(sockets.map((s) => s.token)).toEqual(['t1']);
    expect(sut.state()).toBe('connecting');
    latest().connect();
    expect(sut.state()).toBe('connected');
    latest().fire('disconnect', 'transport close');
    expect(sut.state()).toBe('reconnecting');
  });

  it('subscribes to a host once connected and again after a reconnect', () => {
    const received: StatsReport[] = [];
    const subscription = sut.reports('agent-1').subscribe((r) => received.push(r));
    const socket = latest();
    expect(subscribes(socket)).toEqual([]);

    socket.connect();
    socket.fire('report', report(1, 2000));
    socket.fire('report', { ...report(2, 3000), agentId: 'other' });
    socket.fire('disconnect', 'transport close');
    socket.connect();

    expect(subscribes(socket)).toEqual(['agent-1', 'agent-1']);
    expect(received.map((r) => r.seq)).toEqual([1]);

    subscription.unsubscribe();
    expect(socket.emitted.at(-1)).toEqual(['unsubscribe', 'agent-1']);
  });

  it('passes host events on', () => {
    const seen: string[] = [];
    sut.hosts$.subscribe((h) => seen.push(h.id));
    latest().fire('host', host({ id: 'a9' }));
    expect(seen).toEqual(['a9']);
  });

  it('reconnects with the new token and closes on logout', () => {
    const first = latest();
    signIn('t2');
    TestBed.tick();
    expect(sockets.map((s) => s.token)).toEqual(['t1', 't2']);
    expect(first.active).toBeFalse();

    session.clear();
    TestBed.tick();
    expect(latest().active).toBeFalse();
    expect(sut.state()).toBe('offline');
  });

  it('shows the reason when the server refuses the connection', () => {
    const socket = latest();
    socket.active = false;
    socket.fire('connect_error', new Error('invalid token'));
    expect(sut.state()).toBe('offline');
    expect(sut.error()).toBe('invalid token');
  });

  it('ends the session when the console says the login ended', () => {
    latest().connect();
    latest().fire('unauthorized', 'session ended: logged out');
    expect(sut.error()).toBe('session ended: logged out');
    expect(session.token()).toBeNull();
  });
});
