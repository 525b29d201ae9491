import type { ApiErrorBody, ApiErrorCode } from '@nta/contracts';

// The one mapping from domain error codes to HTTP statuses.
export const HTTP_STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  AGENT_OFFLINE: 409,
  AGENT_TIMEOUT: 504,
  AMBIGUOUS_HOST: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  HOST_NOT_FOUND: 404,
  INTERNAL: 500,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  UNAUTHORIZED: 401,
};

// INTERNAL while a dependency (Postgres) is still down is a 503, not a bug.
export type DomainStatusOverride = 503;

export class DomainException extends Error {
  override readonly name = 'DomainException';
  // Sent as the Retry-After header (RATE_LIMITED).
  retryAfterSeconds: number | null = null;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly statusOverride?: DomainStatusOverride,
  ) {
    super(message);
  }

  get status(): number {
    return this.statusOverride ?? HTTP_STATUS_BY_CODE[this.code];
  }

  withRetryAfter(seconds: number): this {
    this.retryAfterSeconds = seconds;
    return this;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, statusCode: this.status };
  }

  static unavailable(what: string): DomainException {
    return new DomainException('INTERNAL', `${what} is not available yet: try again shortly`, 503);
  }

  static hostNotFound(id: string): DomainException {
    return new DomainException('HOST_NOT_FOUND', `host "${id}" is not known`);
  }
}
