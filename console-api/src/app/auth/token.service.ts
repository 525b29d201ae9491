import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@nta/contracts';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { AccessTokenVerifier } from '../../common/guards/access-token-verifier';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { SettingsService } from '../settings/settings.service';

interface TokenClaims {
  role: UserRole;
  sub: string;
}

@Injectable()
export class TokenService extends AccessTokenVerifier {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly jwt: JwtService,
    private readonly settings: SettingsService,
  ) {
    super();
  }

  async sign(user: AuthenticatedUser): Promise<{ expiresAt: number; token: string }> {
    const claims: TokenClaims = { role: user.role, sub: user.username };
    const token = await this.jwt.signAsync(claims, {
      expiresIn: this.config.jwtTtlSeconds,
      secret: this.settings.jwtSecret,
    });
    return { expiresAt: Date.now() + this.config.jwtTtlSeconds * 1000, token };
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const secret = this.settings.jwtSecret;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret });
    } catch (error) {
      throw new DomainException('UNAUTHORIZED', `invalid token: ${(error as Error).message}`);
    }
    if (typeof claims.sub !== 'string' || (claims.role !== 'admin' && claims.role !== 'viewer')) {
      throw new DomainException('UNAUTHORIZED', 'invalid token: unexpected claims');
    }
    return { role: claims.role, username: claims.sub };
  }
}
