import { topicMatches } from './topic-match';

describe(topicMatches.name, () => {
  it('matches single-level and multi-level wildcards', () => {
    expect(topicMatches('nta/v1/agents/+/stats', 'nta/v1/agents/a1/stats')).toBeTrue();
    expect(topicMatches('nta/v1/agents/+/stats', 'nta/v1/agents/a1/status')).toBeFalse();
    expect(topicMatches('nta/v1/agents/+/stats', 'nta/v1/agents/a1/stats/x')).toBeFalse();
    expect(topicMatches('nta/#', 'nta/v1/agents/a1/stats')).toBeTrue();
    expect(topicMatches('nta/v1', 'nta/v1/agents')).toBeFalse();
  });
});
