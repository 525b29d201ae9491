import { computed, signal } from '@angular/core';
import type { CurrentUser, UserRole } from '@nta/contracts';

/** Stands in for PermissionsService: a spec sets the role. */
export class FakePermissionsService {
  readonly me = signal<CurrentUser | null>(null);
  readonly role = signal<UserRole | null>('admin');
  readonly canAdmin = computed(() => this.role() === 'admin');

  refresh(): void {
    // Nothing to fetch.
  }
}
