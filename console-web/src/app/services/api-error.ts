import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ApiErrorCode } from '@nta/contracts';

function errorBody(err: unknown): Partial<ApiErrorBody> | null {
  if (!(err instanceof HttpErrorResponse)) return null;
  const body: unknown = err.error;
  return body !== null && typeof body === 'object' ? body : null;
}

export function apiErrorCode(err: unknown): ApiErrorCode | null {
  return errorBody(err)?.code ?? null;
}

/** One readable line for any failed call: the API's own message when it sent one. */
export function apiErrorMessage(err: unknown): string {
  const message = errorBody(err)?.message;
  if (typeof message === 'string' && message) return message;
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return 'The console cannot be reached. Check the network and retry.';
    return `The console answered ${err.status}${err.statusText ? ` ${err.statusText}` : ''}.`;
  }
  return err instanceof Error ? err.message : String(err);
}
