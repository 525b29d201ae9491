import {
  agentInterfacesSchema,
  agentStatusSchema,
  agentTopic,
  commandResultSchema,
  parseAgentTopic,
  validate,
} from '@nta/contracts';
import { commandResult, interfacesMessage, offlineStatus, onlineStatus } from './payloads';

describe('agent payloads', () => {
  const id = { agentId: 'web-01', hostname: 'web-01.example', version: '0.1.0' };
  const capture = { error: null, filter: 'tcp', interface: 'eth0', running: true, startedAt: 5 };

  it('builds an online status and an offline last-will that match the contracts', () => {
    const stopped = { ...capture, interface: 'eth1', running: false, startedAt: null };
    const online = onlineStatus(
      id,
      { capture, captures: [capture, stopped], outbox: { evicted: 2, pending: 7 } },
      10,
    );
    const offline = offlineStatus(id, 11);

    expect(validate(agentStatusSchema, online, 'status')).toEqual({ ok: true, value: online });
    expect(validate(agentStatusSchema, offline, 'status')).toEqual({ ok: true, value: offline });
    expect(online.captures.map((c) => c.interface)).toEqual(['eth0', 'eth1']);
    expect(online.outbox).toEqual({ evicted: 2, pending: 7 });
    expect(offline.capture).toBeNull();
    expect(offline.state).toBe('offline');
  });

  it('builds interfaces and command results that match the contracts', () => {
    const interfaces = interfacesMessage('web-01', [], 12);
    const failed = commandResult('web-01', 'c1', { error: 'nope' }, 13);
    const ok = commandResult('web-01', 'c2', { data: capture, error: null }, 14);

    expect(validate(agentInterfacesSchema, interfaces, 'interfaces').ok).toBeTrue();
    expect(validate(commandResultSchema, failed, 'cmd-result').ok).toBeTrue();
    expect(failed.ok).toBeFalse();
    expect(ok.ok).toBeTrue();
  });

  it('publishes under the topics the console subscribes to', () => {
    expect(parseAgentTopic(agentTopic(id.agentId, 'stats'))).toEqual({
      agentId: 'web-01',
      kind: 'stats',
    });
  });
});
