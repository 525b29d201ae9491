import { classifyConnectError } from './connect-error';

describe(classifyConnectError.name, () => {
  it('names the password setting when the broker refuses the credentials', () => {
    for (const code of [4, 5, 134, 135]) {
      const sut = classifyConnectError({ code, message: 'Connection refused' }, 'web-01');

      expect(sut.kind).toBe('rejected');
      expect(sut.reason).toContain(
        'console rejected agent web-01: bad username or password; check NTA_AGENT_PASSWORD',
      );
    }
  });

  it('retries soon when the console says it is not ready, as while it starts', () => {
    for (const code of [3, 136, 137]) {
      const sut = classifyConnectError({ code, message: 'Server unavailable' }, 'web-01');

      expect(sut).toEqual({ kind: 'network', reason: 'console not ready (Server unavailable)' });
    }
  });

  it('reports socket errors by their code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });

    expect(classifyConnectError(refused, 'a')).toEqual({ kind: 'network', reason: 'ECONNREFUSED' });
    expect(classifyConnectError(new Error('connack timeout'), 'a')).toEqual({
      kind: 'network',
      reason: 'connack timeout',
    });
  });
});
