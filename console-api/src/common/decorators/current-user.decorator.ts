import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@nta/contracts';

export interface AuthenticatedUser {
  role: UserRole;
  username: string;
}

export interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser | undefined =>
    ctx.switchToHttp().getRequest<RequestWithUser>().user,
);
