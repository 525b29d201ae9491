import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { UserRole, UserSummary } from '@nta/contracts';
import type { Observable } from 'rxjs';
import { AccountsService } from '../../../services/accounts.service';
import { apiErrorMessage } from '../../../services/api-error';
import { loadable } from '../../../services/loadable';
import { SessionStore } from '../../../services/session.store';
import { required } from '../../../services/validators';

// The API's rule (accounts contract), checked here too so the form can say so before sending.
export const MIN_PASSWORD = 10;
export const ROLES: readonly UserRole[] = ['admin', 'viewer'];

/** Users and their roles (admin): create, change role or password, delete. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule],
  selector: 'nta-users',
  templateUrl: './users.component.html',
})
export class UsersComponent {
  private readonly accounts = inject(AccountsService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    password: ['', [required, Validators.minLength(MIN_PASSWORD)]],
    role: this.fb.control<UserRole>('viewer'),
    username: ['', required],
  });
  protected readonly me = inject(SessionStore).user;
  protected readonly minPassword = MIN_PASSWORD;
  protected readonly newPassword = this.fb.control('', [
    required,
    Validators.minLength(MIN_PASSWORD),
  ]);
  protected readonly passwordFor = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly roles = ROLES;
  protected readonly users = loadable(() => this.accounts.users());

  protected create(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { password, role, username } = this.form.getRawValue();
    this.run(this.accounts.createUser({ password, role, username: username.trim() }), () =>
      this.form.reset(),
    );
  }

  protected remove(user: UserSummary): void {
    if (!confirm(`Delete the user ${user.username}?`)) return;
    this.run(this.accounts.deleteUser(user.id));
  }

  protected savePassword(user: UserSummary): void {
    if (this.newPassword.invalid) {
      this.newPassword.markAsTouched();
      return;
    }
    this.run(this.accounts.updateUser(user.id, { password: this.newPassword.value }), () => {
      this.passwordFor.set(null);
      this.newPassword.reset();
    });
  }

  protected setRole(user: UserSummary, role: string): void {
    if (role !== 'admin' && role !== 'viewer') return;
    this.run(this.accounts.updateUser(user.id, { role }));
  }

  protected startPassword(user: UserSummary): void {
    this.newPassword.reset();
    this.passwordFor.set(user.id);
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  /** One write, then the list again; a refusal (say, the last admin) shows its reason. */
  private run(call: Observable<unknown>, done?: () => void): void {
    this.pending.set(true);
    this.error.set(null);
    call.subscribe({
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(apiErrorMessage(err));
        this.users.load();
      },
      next: () => {
        this.pending.set(false);
        done?.();
        this.users.load();
      },
    });
  }
}
