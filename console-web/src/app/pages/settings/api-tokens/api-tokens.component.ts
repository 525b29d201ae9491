import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { ApiTokenScope, ApiTokenSummary, CreatedApiToken } from '@nta/contracts';
import { SecretOnceComponent } from '../../../components/secret-once/secret-once.component';
import { AccountsService } from '../../../services/accounts.service';
import { apiErrorMessage } from '../../../services/api-error';
import { loadable } from '../../../services/loadable';
import { required } from '../../../services/validators';

export const SCOPES: readonly { label: string; value: ApiTokenScope }[] = [
  { label: 'Read only', value: 'read' },
  { label: 'Read and write', value: 'read-write' },
];
export const TOKEN_EXPIRIES = [
  { label: 'Never', seconds: null },
  { label: '30 days', seconds: 2_592_000 },
  { label: '90 days', seconds: 7_776_000 },
  { label: '1 year', seconds: 31_536_000 },
] as const;

/** API tokens for scripts and integrations: create (secret shown once), list, revoke. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, SecretOnceComponent],
  selector: 'nta-api-tokens',
  templateUrl: './api-tokens.component.html',
})
export class ApiTokensComponent {
  private readonly accounts = inject(AccountsService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly expiries = TOKEN_EXPIRIES;
  protected readonly form = this.fb.group({
    expiry: [0],
    name: ['', required],
    scope: this.fb.control<ApiTokenScope>('read'),
  });
  protected readonly pending = signal(false);
  protected readonly scopes = SCOPES;
  protected readonly tokens = loadable(() => this.accounts.apiTokens());

  protected create(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { expiry, name, scope } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.accounts
      .createApiToken({
        expiresInSeconds: TOKEN_EXPIRIES[expiry]?.seconds ?? null,
        name: name.trim(),
        scope,
      })
      .subscribe({
        error: (err: unknown) => {
          this.pending.set(false);
          this.error.set(apiErrorMessage(err));
        },
        next: (token) => {
          this.pending.set(false);
          this.created.set(token);
          this.form.reset();
          this.tokens.load();
        },
      });
  }

  protected revoke(token: ApiTokenSummary): void {
    if (!confirm(`Revoke the API token "${token.name}"? Scripts using it stop working.`)) return;
    this.accounts.revokeApiToken(token.id).subscribe({
      error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      next: () => this.tokens.load(),
    });
  }

  protected state(token: ApiTokenSummary, now = Date.now()): 'active' | 'expired' | 'revoked' {
    if (token.revokedAt !== null) return 'revoked';
    return token.expiresAt !== null && token.expiresAt <= now ? 'expired' : 'active';
  }
}
