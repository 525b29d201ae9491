import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { CurrentUser, UserRole } from '@nta/contracts';
import { apiUrl } from './api-url';
import { SessionStore } from './session.store';

/**
 * What the signed-in user may do. Pages hide controls the user cannot use (create, revoke,
 * delete, start/stop) behind `canAdmin()`; the API enforces the same rules on its side.
 */
@Injectable({ providedIn: 'root' })
export class PermissionsService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  /** GET /api/auth/me once per session; null until it answered. */
  readonly me = signal<CurrentUser | null>(null);
  /** The server's answer when there is one, else the role the login returned. */
  readonly role = computed<UserRole | null>(
    () => this.me()?.role ?? this.session.user()?.role ?? null,
  );
  readonly canAdmin = computed(() => this.role() === 'admin');

  constructor() {
    effect(() => {
      const token = this.session.token();
      untracked(() => (token ? this.refresh() : this.me.set(null)));
    });
  }

  refresh(): void {
    this.me.set(null);
    this.http.get<CurrentUser>(apiUrl('auth', 'me')).subscribe({
      // The login's role stays in charge; the API still refuses what the user may not do.
      error: () => undefined,
      next: (me) => this.me.set(me),
    });
  }
}
