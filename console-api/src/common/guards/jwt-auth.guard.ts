import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@nta/contracts';
import type { AuthenticatedUser, RequestWithUser } from '../decorators/current-user.decorator';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { ROLES_KEY } from '../decorators/roles.decorator';
import { SESSION_ONLY_KEY } from '../decorators/session-only.decorator';
import { DomainException } from '../errors/domain.exception';
import { AccessTokenVerifier } from './access-token-verifier';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global: every HTTP route needs `Authorization: Bearer <jwt | nta_ API token>` unless @Public();
 * then @Roles(), @SessionOnly() and a read-only token's scope are enforced.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<RequestWithUser>();
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      throw new DomainException('UNAUTHORIZED', 'missing "Authorization: Bearer <token>" header');
    }
    const user = await this.verifier.verify(token);
    req.user = user;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    const sessionOnly = this.reflector.getAllAndOverride<boolean | undefined>(
      SESSION_ONLY_KEY,
      targets,
    );
    assertAllowed(user, req.method ?? 'GET', roles, sessionOnly === true);
    return true;
  }
}

function assertAllowed(
  user: AuthenticatedUser,
  method: string,
  roles: UserRole[] | undefined,
  sessionOnly: boolean,
): void {
  if (user.kind === 'api-token') {
    if (sessionOnly) {
      throw new DomainException('FORBIDDEN', 'this route needs a user login, not an API token');
    }
    if (user.scope === 'read' && !READ_METHODS.has(method.toUpperCase())) {
      throw new DomainException('FORBIDDEN', `a read-scope API token cannot ${method} this route`);
    }
  }
  if (roles && !roles.includes(user.role)) {
    throw new DomainException('FORBIDDEN', `this route needs the ${roles.join(' or ')} role`);
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match ? match[1] : null;
}
