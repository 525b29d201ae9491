import { agentTopic, allAgentsTopic, parseAgentTopic } from './topics';

describe('agent topics', () => {
  it('builds and parses the same topic', () => {
    const topic = agentTopic('web-01.prod', 'cmd-result');

    expect(topic).toBe('nta/v1/agents/web-01.prod/cmd-result');
    expect(parseAgentTopic(topic)).toEqual({ agentId: 'web-01.prod', kind: 'cmd-result' });
  });

  it('rejects agent ids that would break the topic tree', () => {
    expect(() => agentTopic('a/b', 'stats')).toThrowError(/invalid agent id "a\/b"/);
    expect(() => agentTopic('+', 'stats')).toThrowError(/invalid agent id/);
    expect(() => agentTopic('', 'stats')).toThrowError(/invalid agent id/);
  });

  it('returns null for foreign, unknown-kind or wrongly shaped topics', () => {
    expect(parseAgentTopic('nta/v2/agents/a1/stats')).toBeNull();
    expect(parseAgentTopic('nta/v1/agents/a1/bogus')).toBeNull();
    expect(parseAgentTopic('nta/v1/agents/a1/stats/extra')).toBeNull();
    expect(parseAgentTopic('nta/v1/hosts/a1/stats')).toBeNull();
  });

  it('builds a single-level wildcard subscription per kind', () => {
    expect(allAgentsTopic('status')).toBe('nta/v1/agents/+/status');
  });
});
