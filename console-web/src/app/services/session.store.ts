import { Injectable, computed, signal } from '@angular/core';
import type { LoginResponse } from '@nta/contracts';

export type Session = LoginResponse;

const STORAGE_KEY = 'nta.session';

function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    return typeof value.token === 'string' && typeof value.expiresAt === 'number' && value.user
      ? (value as Session)
      : null;
  } catch {
    return null;
  }
}

// The API states `expiresAt` as epoch ms; a value in seconds is accepted too, so a unit mix-up
// cannot log everybody out at once.
function expiresAtMs(expiresAt: number): number {
  return expiresAt < 1e12 ? expiresAt * 1000 : expiresAt;
}

/** The signed-in user's token, kept in localStorage so a reload stays signed in. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly state = signal<Session | null>(readStored());

  readonly token = computed(() => this.state()?.token ?? null);
  readonly user = computed(() => this.state()?.user ?? null);

  clear(): void {
    localStorage.removeItem(STORAGE_KEY);
    this.state.set(null);
  }

  isValid(now = Date.now()): boolean {
    const session = this.state();
    return session !== null && expiresAtMs(session.expiresAt) > now;
  }

  save(session: Session): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.state.set(session);
  }
}
