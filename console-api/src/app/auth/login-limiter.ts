export interface LoginLimits {
  lockoutBaseSeconds: number;
  maxFailures: number;
  windowSeconds: number;
}

interface Attempts {
  failures: number[];
}

// Bounds memory under a spray of usernames or addresses; the oldest keys go first.
const MAX_KEYS = 10_000;
const MAX_LOCKOUT_FACTOR = 64;

/**
 * Failed logins per username + client address. Once `maxFailures` fall inside the window, each
 * further attempt waits `lockoutBase × 2^(failures − max)` after the last failure, capped at the
 * window; a success clears the key.
 */
export class LoginLimiter {
  private readonly attempts = new Map<string, Attempts>();
  private limitedCount = 0;
  private failedCount = 0;

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get counts(): { failed: number; limited: number } {
    return { failed: this.failedCount, limited: this.limitedCount };
  }

  /** Seconds to wait before this key may try again, or 0 when it may try now (counted). */
  retryAfterSeconds(username: string, address: string): number {
    const wait = this.wait(this.recent(key(username, address)));
    if (wait > 0) this.limitedCount++;
    return wait;
  }

  /** Records a failure; returns the lockout it starts in seconds (0 while under the limit). */
  failed(username: string, address: string): number {
    this.failedCount++;
    const k = key(username, address);
    const entry = this.recent(k) ?? { failures: [] };
    entry.failures.push(this.now());
    this.attempts.delete(k);
    this.attempts.set(k, entry);
    if (this.attempts.size > MAX_KEYS) {
      this.attempts.delete(this.attempts.keys().next().value as string);
    }
    return this.wait(entry);
  }

  succeeded(username: string, address: string): void {
    this.attempts.delete(key(username, address));
  }

  private wait(entry: Attempts | undefined): number {
    const over = (entry?.failures.length ?? 0) - this.limits.maxFailures;
    if (!entry || over < 0) return 0;
    const lockMs = Math.min(
      this.limits.lockoutBaseSeconds * 1000 * Math.min(2 ** over, MAX_LOCKOUT_FACTOR),
      this.limits.windowSeconds * 1000,
    );
    const waitMs = entry.failures[entry.failures.length - 1] + lockMs - this.now();
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  private recent(k: string): Attempts | undefined {
    const entry = this.attempts.get(k);
    if (!entry) return undefined;
    const since = this.now() - this.limits.windowSeconds * 1000;
    entry.failures = entry.failures.filter((t) => t > since);
    if (entry.failures.length === 0) {
      this.attempts.delete(k);
      return undefined;
    }
    return entry;
  }
}

const key = (username: string, address: string) => `${username.toLowerCase()}\n${address}`;
