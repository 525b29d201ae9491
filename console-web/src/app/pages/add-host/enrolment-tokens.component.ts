import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { CreatedEnrolmentToken, EnrolmentTokenSummary } from '@nta/contracts';
import { SecretOnceComponent } from '../../components/secret-once/secret-once.component';
import { apiErrorMessage } from '../../services/api-error';
import { EnrolmentService } from '../../services/enrolment.service';
import { loadable } from '../../services/loadable';
import { required } from '../../services/validators';

export const EXPIRY_CHOICES = [
  { label: '1 hour', seconds: 3_600 },
  { label: '24 hours', seconds: 86_400 },
  { label: '7 days', seconds: 604_800 },
  { label: '30 days', seconds: 2_592_000 },
  { label: 'Never', seconds: null },
] as const;

/** Enrolment tokens: create (the install line is shown once), list, revoke. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, SecretOnceComponent],
  selector: 'nta-enrolment-tokens',
  templateUrl: './enrolment-tokens.component.html',
})
export class EnrolmentTokensComponent {
  private readonly enrolment = inject(EnrolmentService);

  protected readonly created = signal<CreatedEnrolmentToken | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly expiries = EXPIRY_CHOICES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    expiry: [1],
    multi: [false],
    name: ['', required],
  });
  protected readonly pending = signal(false);
  protected readonly tokens = loadable(() => this.enrolment.tokens());

  protected create(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { expiry, multi, name } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.enrolment
      .createToken({
        expiresInSeconds: EXPIRY_CHOICES[expiry]?.seconds ?? null,
        maxUses: multi ? null : 1,
        name: name.trim(),
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

  protected revoke(token: EnrolmentTokenSummary): void {
    if (
      !confirm(`Revoke the enrolment token "${token.name}"? Hosts can no longer enrol with it.`)
    ) {
      return;
    }
    this.enrolment.revokeToken(token.id).subscribe({
      error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      next: () => this.tokens.load(),
    });
  }
}
