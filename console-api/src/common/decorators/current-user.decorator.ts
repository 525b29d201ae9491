import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiTokenScope, UserRole } from '@nta/contracts';

/** Who made a request: a person's login session or an integration's API token. */
export type AuthenticatedUser =
  | { kind: 'user'; role: UserRole; sessionId: string; userId: number; username: string }
  | { kind: 'api-token'; role: UserRole; scope: ApiTokenScope; tokenId: string; username: string };

export interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  user?: AuthenticatedUser;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser | undefined =>
    ctx.switchToHttp().getRequest<RequestWithUser>().user,
);

/** The name written to the audit log: the username, or `api-token:<name>`. */
export function actorName(user: AuthenticatedUser | undefined): string {
  if (!user) return 'anonymous';
  return user.kind === 'user' ? user.username : `api-token:${user.username}`;
}
