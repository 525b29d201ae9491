import { hashApiToken, isApiToken, newApiTokenSecret } from './api-token-secret';

describe(newApiTokenSecret.name, () => {
  it('makes a prefixed high-entropy token whose hash and shown prefix match it', () => {
    const sut = newApiTokenSecret();

    expect(sut.token).toMatch(/^nta_[A-Za-z0-9_-]{43}$/);
    expect(isApiToken(sut.token)).toBeTrue();
    expect(sut.prefix).toBe(sut.token.slice(0, 12));
    expect(sut.hash).toBe(hashApiToken(sut.token));
    expect(sut.hash).not.toContain(sut.token.slice(4));
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newApiTokenSecret().token));

    expect(tokens.size).toBe(200);
  });

  it('tells API tokens from JWTs', () => {
    expect(isApiToken('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBeFalse();
  });
});
