import { redactSecrets } from './redact-secrets';

describe(redactSecrets.name, () => {
  it('replaces credential-named keys at any depth and keeps the rest', () => {
    const sut = redactSecrets({
      body: { interface: 'eth0', nested: [{ apiToken: 'nta_x' }], password: 'p' },
      host: 'a1',
      secretHash: 'h',
    });

    expect(sut).toEqual({
      body: { interface: 'eth0', nested: [{ apiToken: '[redacted]' }], password: '[redacted]' },
      host: 'a1',
      secretHash: '[redacted]',
    });
  });
});
