import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { apiErrorMessage } from './api-error';

/**
 * One list on a page with its loading, error and value states; `load()` again to retry or
 * refresh. Create it in an injection context (a field initialiser).
 */
export class Loadable<T> {
  private readonly destroyRef = inject(DestroyRef);

  readonly error = signal<string | null>(null);
  readonly loading = signal(false);
  readonly value = signal<T | null>(null);

  constructor(private readonly source: () => Observable<T>) {}

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.source()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (err: unknown) => {
          this.error.set(apiErrorMessage(err));
          this.loading.set(false);
        },
        next: (value) => {
          this.value.set(value);
          this.loading.set(false);
        },
      });
  }
}

export function loadable<T>(source: () => Observable<T>): Loadable<T> {
  const state = new Loadable(source);
  state.load();
  return state;
}
