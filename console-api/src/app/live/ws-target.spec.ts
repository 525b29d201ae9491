import { FLEET_ROOM, targetRoom } from './ws-target';

describe('WebSocket targets', () => {
  it('maps every valid form to its room', () => {
    expect(targetRoom('web-01')).toEqual({ ok: true, room: 'host:web-01' });
    expect(targetRoom({ host: 'web-01' })).toEqual({ ok: true, room: 'host:web-01' });
    expect(targetRoom({ group: 'eu.prod' })).toEqual({ ok: true, room: 'group:eu.prod' });
    expect(targetRoom({ fleet: true })).toEqual({ ok: true, room: FLEET_ROOM });
  });

  it('says what is wrong with an invalid target', () => {
    const error = (t: unknown) => {
      const r = targetRoom(t);
      return r.ok ? null : r.error;
    };

    expect(error('a/b')).toContain('host: an agent id');
    expect(error({ host: 1 })).toContain('host: a string');
    expect(error({ group: '' })).toContain('group: 1-64');
    expect(error({ fleet: 'yes' })).toContain('fleet: true');
    expect(error({ fleet: true, host: 'a' })).toContain('exactly one');
    expect(error({ room: 'x' })).toContain('unknown target key "room"');
    expect(error([])).toContain('a host id or one of');
    expect(error(null)).toContain('a host id or one of');
  });
});
