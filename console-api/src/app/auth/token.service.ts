import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@nta/contracts';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { isApiToken } from '../api-tokens/api-token-secret';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import { SettingsService } from '../settings/settings.service';
import { SessionEntity } from './session.entity';
import type { UserEntity } from './user.entity';

interface TokenClaims {
  jti?: string;
  role: UserRole;
  sub: string;
}

interface SessionRow {
  role: UserRole;
  user_id: number;
  username: string;
}

/** Login JWTs backed by a session row (so logout revokes them), and API tokens by prefix. */
@Injectable()
export class TokenService extends AccessTokenVerifier {
  constructor(
    private readonly apiTokens: ApiTokensService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly jwt: JwtService,
    private readonly settings: SettingsService,
  ) {
    super();
  }

  async sign(user: UserEntity): Promise<{ expiresAt: number; token: string }> {
    const expiresAt = Date.now() + this.config.jwtTtlSeconds * 1000;
    const id = randomUUID();
    await this.database.repository(SessionEntity).insert({
      createdAt: new Date(),
      expiresAt: new Date(expiresAt),
      id,
      revokedAt: null,
      userId: user.id,
    });
    const claims: TokenClaims = { jti: id, role: user.role, sub: user.username };
    const token = await this.jwt.signAsync(claims, {
      expiresIn: this.config.jwtTtlSeconds,
      secret: this.settings.jwtSecret,
    });
    return { expiresAt, token };
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    if (isApiToken(token)) return this.apiTokens.verify(token);
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.settings.jwtSecret });
    } catch (error) {
      throw new DomainException('UNAUTHORIZED', `invalid token: ${(error as Error).message}`);
    }
    if (typeof claims.jti !== 'string' || !/^[0-9a-f-]{36}$/.test(claims.jti)) {
      throw new DomainException('UNAUTHORIZED', 'invalid token: no session, log in again');
    }
    // Role and name come from the user row, so a demotion counts at once even if a JWT lingers.
    const rows = await this.database.source.query<SessionRow[]>(
      `SELECT u.id AS user_id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.jti],
    );
    if (rows.length === 0) {
      throw new DomainException('UNAUTHORIZED', 'invalid token: session ended, log in again');
    }
    const { role, user_id: userId, username } = rows[0];
    return { kind: 'user', role, sessionId: claims.jti, userId, username };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.database.source.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Ends every session of a user (password change, demotion); returns how many were open. */
  async revokeUserSessions(userId: number): Promise<number> {
    const [, count] = await this.database.source.query<[unknown, number]>(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }
}
