import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'nta:audited';

export interface AuditedRequest {
  body?: unknown;
  params?: Record<string, string>;
}

export interface AuditedOptions {
  action: string;
  // The target's name from the request; default: the `:id` route parameter.
  target?: (req: AuditedRequest) => string | null;
}

/** The AuditInterceptor writes one entry per call of this route, whether it succeeds or fails. */
export const Audited = (
  action: string,
  target?: AuditedOptions['target'],
): MethodDecorator & ClassDecorator => SetMetadata(AUDITED_KEY, { action, target });
