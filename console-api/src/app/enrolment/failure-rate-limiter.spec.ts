import { DomainException } from '../../common/errors/domain.exception';
import { FailureRateLimiter } from './failure-rate-limiter';

describe(FailureRateLimiter.name, () => {
  let now: number;
  let sut: FailureRateLimiter;

  beforeEach(() => {
    now = 1_000_000;
    sut = new FailureRateLimiter(3, 60_000, () => now);
  });

  it('lets an address fail up to the limit, then refuses it with RATE_LIMITED', () => {
    for (let i = 0; i < 3; i++) {
      expect(() => sut.check('10.0.0.1')).not.toThrow();
      sut.fail('10.0.0.1');
    }
    expect(() => sut.check('10.0.0.1')).toThrowMatching(
      (e) => e instanceof DomainException && e.code === 'RATE_LIMITED' && /60 s/.test(e.message),
    );
  });

  it('keeps addresses apart', () => {
    for (let i = 0; i < 3; i++) sut.fail('10.0.0.1');
    expect(() => sut.check('10.0.0.2')).not.toThrow();
  });

  it('forgives an address once its window has passed', () => {
    for (let i = 0; i < 3; i++) sut.fail('10.0.0.1');
    now += 60_000;
    expect(() => sut.check('10.0.0.1')).not.toThrow();
  });
});
