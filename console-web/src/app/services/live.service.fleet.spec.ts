import { TestBed } from '@angular/core/testing';
import type { AlertEvent, FleetSummary } from '@nta/contracts';
import { FakeSocket } from '../../testing/fake-socket';
import { fleetSummary } from '../../testing/fleet-fixtures';
import { LIVE_SOCKET_FACTORY, LiveService, LiveSocket } from './live.service';
import { SessionStore } from './session.store';

describe(`${LiveService.name} fleet and alerts`, () => {
  let socket: FakeSocket;
  let sut: LiveService;

  const subscribes = () =>
    socket.emitted.filter(([event]) => event === 'subscribe').map(([, t]) => t);

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        {
          provide: LIVE_SOCKET_FACTORY,
          useValue: () => (socket = new FakeSocket()) as unknown as LiveSocket,
        },
      ],
    });
    TestBed.inject(SessionStore).save({
      expiresAt: Date.now() + 60_000,
      token: 't1',
      user: { role: 'viewer', username: 'ann' },
    });
    sut = TestBed.inject(LiveService);
    TestBed.tick();
  });

  it('follows the fleet summary once for all listeners, again after a reconnect', () => {
    const seen: FleetSummary[] = [];
    const first = sut.fleet().subscribe((s) => seen.push(s));
    const second = sut.fleet().subscribe();
    socket.connect();
    const target = { fleet: true };
    expect(subscribes()).toEqual([target]);

    socket.fire('fleet', fleetSummary({ ts: 5 }));
    expect(seen.map((s) => s.ts)).toEqual([5]);

    socket.fire('disconnect', 'transport close');
    socket.connect();
    expect(subscribes()).toEqual([target, target]);

    first.unsubscribe();
    expect(socket.emitted.some(([event]) => event === 'unsubscribe')).toBeFalse();
    second.unsubscribe();
    expect(socket.emitted.at(-1)).toEqual(['unsubscribe', target]);
  });

  it('keeps host and fleet subscriptions apart, even for a host named like a target', () => {
    socket.connect();
    const host = sut.reports('fleet').subscribe();
    const fleet = sut.fleet().subscribe();
    expect(subscribes()).toEqual(['fleet', { fleet: true }]);
    host.unsubscribe();
    expect(socket.emitted.at(-1)).toEqual(['unsubscribe', 'fleet']);
    fleet.unsubscribe();
  });

  it('passes alert events on', () => {
    const seen: AlertEvent[] = [];
    sut.alerts$.subscribe((event) => seen.push(event));
    const event: AlertEvent = {
      firedAt: 1,
      host: 'a1',
      id: 'e1',
      message: 'a1 offline',
      resolvedAt: null,
      ruleId: 'r1',
      ruleName: 'down',
      value: null,
    };
    socket.fire('alert', event);
    expect(seen).toEqual([event]);
  });
});
