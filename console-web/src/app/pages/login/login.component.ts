import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { apiErrorMessage } from '../../services/api-error';
import { AuthService } from '../../services/auth.service';

// Wrapped: the static method passed bare trips the unbound-method lint.
const required: ValidatorFn = (control) => Validators.required(control);

// Only a path inside this app, never another origin ("//evil.example").
function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
    ? url
    : '/hosts';
}

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  selector: 'nta-login',
  styleUrl: './login.component.scss',
  templateUrl: './login.component.html',
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  readonly returnUrl = input<string>();

  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', required],
    username: ['', required],
  });
  protected readonly pending = signal(false);

  protected submit(): void {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(
          err instanceof HttpErrorResponse && err.status === 401
            ? 'Wrong username or password.'
            : apiErrorMessage(err),
        );
      },
      next: () => {
        this.pending.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
    });
  }
}
