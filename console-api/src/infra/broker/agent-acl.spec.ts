import { agentMayPublish, agentMaySubscribe, isValidAgentId } from './agent-acl';

describe('agent ACL', () => {
  it('lets an agent publish its own reports, status, interfaces and results', () => {
    for (const kind of ['stats', 'status', 'interfaces', 'packets', 'cmd-result']) {
      expect(agentMayPublish('web-01', `nta/v1/agents/web-01/${kind}`))
        .withContext(kind)
        .toBeTrue();
    }
  });

  it('forbids publishing as another agent, on cmd or ack, or outside the tree', () => {
    expect(agentMayPublish('web-01', 'nta/v1/agents/web-02/stats')).toBeFalse();
    expect(agentMayPublish('web-01', 'nta/v1/agents/web-01/cmd')).toBeFalse();
    expect(agentMayPublish('web-01', 'nta/v1/agents/web-01/ack')).toBeFalse();
    expect(agentMayPublish('web-01', 'other/topic')).toBeFalse();
  });

  it('allows only its own cmd and ack subscriptions', () => {
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/web-01/cmd')).toBeTrue();
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/web-01/ack')).toBeTrue();
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/web-02/ack')).toBeFalse();
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/+/ack')).toBeFalse();
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/+/cmd')).toBeFalse();
    expect(agentMaySubscribe('web-01', 'nta/v1/agents/web-02/cmd')).toBeFalse();
    expect(agentMaySubscribe('web-01', '#')).toBeFalse();
  });

  it('accepts only contract agent ids as usernames', () => {
    expect(isValidAgentId('web-01.prod')).toBeTrue();
    expect(isValidAgentId('$nta-console')).toBeFalse();
    expect(isValidAgentId('a/b')).toBeFalse();
    expect(isValidAgentId(undefined)).toBeFalse();
  });
});
