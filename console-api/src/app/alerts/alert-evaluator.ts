export type AlertTransition = 'fire' | 'resolve';

interface KeyState {
  firing: boolean;
  // When the condition started to disagree with `firing`; null while they agree.
  since: number | null;
}

/**
 * The per (rule, host) state machine. A condition must hold for `forMs` before the alert fires,
 * and be clear for `forMs` before it resolves, so a value hovering at the threshold cannot flap.
 * No observation (null: e.g. no data from an offline host) holds the state as it is.
 */
export class AlertEvaluator {
  private readonly states = new Map<string, KeyState>();

  observe(
    key: string,
    breached: boolean | null,
    now: number,
    forMs: number,
  ): AlertTransition | null {
    if (breached === null) return null;
    const state = this.states.get(key) ?? { firing: false, since: null };
    this.states.set(key, state);
    if (breached === state.firing) {
      state.since = null;
      return null;
    }
    state.since ??= now;
    if (now - state.since < forMs) return null;
    state.firing = breached;
    state.since = null;
    return breached ? 'fire' : 'resolve';
  }

  /** Marks a key firing (an unresolved event found at boot). */
  restore(key: string): void {
    this.states.set(key, { firing: true, since: null });
  }

  isFiring(key: string): boolean {
    return this.states.get(key)?.firing ?? false;
  }

  firingKeys(): string[] {
    return [...this.states].filter(([, s]) => s.firing).map(([k]) => k);
  }

  /** Forgets keys no longer evaluated; returns those that were firing (to resolve them). */
  retain(live: Set<string>): string[] {
    const dropped: string[] = [];
    for (const [key, state] of this.states) {
      if (live.has(key)) continue;
      this.states.delete(key);
      if (state.firing) dropped.push(key);
    }
    return dropped;
  }
}
