export const API_ERROR_CODES = [
  'AGENT_OFFLINE',
  'AGENT_TIMEOUT',
  'AMBIGUOUS_HOST',
  'BAD_REQUEST',
  'CONFLICT',
  'FORBIDDEN',
  'HOST_NOT_FOUND',
  'INTERNAL',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNAUTHORIZED',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every non-2xx answer of the REST API has this body. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  statusCode: number;
}

export interface HealthResponse {
  broker: 'up' | 'down';
  database: 'up' | 'down';
  status: 'ok' | 'degraded';
  version: string;
}
