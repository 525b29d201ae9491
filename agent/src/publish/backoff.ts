export interface BackoffOptions {
  // Each delay is moved by up to ±jitter of itself, so a fleet does not reconnect in lockstep.
  jitter: number;
  maxMs: number;
  minMs: number;
}

/** Exponential reconnect delays: min, 2×min, 4×min … capped at max, each with random jitter. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly opts: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const { jitter, maxMs, minMs } = this.opts;
    const base = Math.min(maxMs, minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    const spread = base * jitter * (this.random() * 2 - 1);
    return Math.round(Math.min(maxMs, Math.max(0, base + spread)));
  }

  reset(): void {
    this.attempt = 0;
  }
}
