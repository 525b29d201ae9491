import { DomainException } from '../../common/errors/domain.exception';

/**
 * Counts failed attempts per client address in a fixed window; once over the limit the address
 * is refused (429) until the window ends, so enrolment tokens cannot be guessed online.
 */
export class FailureRateLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws RATE_LIMITED while this address is over its failure budget. */
  check(address: string): void {
    const entry = this.current(address);
    if (entry && entry.count >= this.maxFailures) {
      const seconds = Math.ceil((entry.resetAt - this.now()) / 1000);
      throw new DomainException(
        'RATE_LIMITED',
        `too many failed enrolment attempts from ${address}: try again in ${seconds} s`,
      );
    }
  }

  fail(address: string): void {
    const entry = this.current(address);
    if (entry) entry.count++;
    else this.failures.set(address, { count: 1, resetAt: this.now() + this.windowMs });
    // Bounded memory: forget finished windows once the map grows.
    if (this.failures.size > 10_000) this.prune();
  }

  private current(address: string) {
    const entry = this.failures.get(address);
    if (entry && entry.resetAt <= this.now()) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
