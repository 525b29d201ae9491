import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { AuditService } from './audit.service';
import { AUDITED_KEY, type AuditedOptions, type AuditedRequest } from './audited.decorator';

interface Request extends AuditedRequest {
  user?: AuthenticatedUser;
}

/** Records @Audited() routes: actor, target, the request body and the outcome. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(
      AUDITED_KEY,
      context.getHandler(),
    );
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const target = options.target ? options.target(req) : (req.params?.id ?? null);
    const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
    const write = (outcome: Record<string, unknown>, result?: unknown) =>
      this.audit.record(req.user, options.action, target ?? hostOf(result), {
        ...body,
        ...outcome,
      });
    return next.handle().pipe(
      mergeMap((result: unknown) => from(write({ ok: okOf(result) }, result).then(() => result))),
      catchError((error: unknown) =>
        from(write({ error: errorOf(error), ok: false })).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}

// Capture answers carry the agent's own ok; anything else that returned succeeded.
function okOf(result: unknown): boolean {
  const ok = (result as { ok?: unknown } | null)?.ok;
  return typeof ok === 'boolean' ? ok : true;
}

// Capture answers name the host they acted on, e.g. when a legacy call left it implicit.
function hostOf(result: unknown): string | null {
  const host = (result as { host?: unknown } | null | undefined)?.host;
  return typeof host === 'string' ? host : null;
}

function errorOf(error: unknown): string {
  if (error instanceof DomainException) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
