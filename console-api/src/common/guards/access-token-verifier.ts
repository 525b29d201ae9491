import type { AuthenticatedUser } from '../decorators/current-user.decorator';

/** Implemented by the auth feature; the guard and the socket gateway depend only on this. */
export abstract class AccessTokenVerifier {
  // Resolves the token's user, or throws a DomainException (UNAUTHORIZED, or 503 while DB is down).
  abstract verify(token: string): Promise<AuthenticatedUser>;
}
