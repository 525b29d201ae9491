import { LoginLimiter } from './login-limiter';

describe(LoginLimiter.name, () => {
  let now: number;
  let sut: LoginLimiter;

  beforeEach(() => {
    now = 1_000_000;
    sut = new LoginLimiter(
      { lockoutBaseSeconds: 30, maxFailures: 3, windowSeconds: 900 },
      () => now,
    );
  });

  const fail = (times: number, user = 'alice', ip = '10.0.0.1') => {
    for (let i = 0; i < times; i++) sut.failed(user, ip);
  };

  it('lets attempts through below the limit', () => {
    fail(2);

    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
  });

  it('says which failure starts a lockout', () => {
    expect([sut.failed('alice', 'a'), sut.failed('alice', 'a'), sut.failed('alice', 'a')]).toEqual([
      0, 0, 30,
    ]);
    expect(sut.failed('alice', 'a')).toBe(60);
  });

  it('locks the key at the limit and unlocks after the lockout', () => {
    fail(3);

    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(30);
    now += 29_500;
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(1);
    now += 500;
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
    expect(sut.counts).toEqual({ failed: 3, limited: 2 });
  });

  it('doubles the lockout with every further failure, capped at the window', () => {
    fail(4);
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(60);
    fail(3);
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(480);
    fail(5);
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(900);
  });

  it('keeps usernames and addresses apart, ignoring username case', () => {
    fail(3);

    expect(sut.retryAfterSeconds('ALICE', '10.0.0.1')).toBeGreaterThan(0);
    expect(sut.retryAfterSeconds('alice', '10.0.0.2')).toBe(0);
    expect(sut.retryAfterSeconds('bob', '10.0.0.1')).toBe(0);
  });

  it('forgets failures older than the window and clears on success', () => {
    fail(2);
    now += 901_000;
    fail(2);
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
    fail(1);
    sut.succeeded('alice', '10.0.0.1');
    expect(sut.retryAfterSeconds('alice', '10.0.0.1')).toBe(0);
  });
});
