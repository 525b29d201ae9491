import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { LoginRequest, LoginResponse } from '@nta/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { AuditService } from '../audit/audit.service';
import { LoginLimiter } from './login-limiter';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly audit: AuditService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly limiter: LoginLimiter,
    private readonly tokens: TokenService,
  ) {}

  onModuleInit(): void {
    this.database.onReady((ds) => this.seedAdmin(ds));
  }

  /** Checks the password (rate limited per username + address) and opens a session. */
  async login(request: LoginRequest, address: string): Promise<LoginResponse> {
    const wait = this.limiter.retryAfterSeconds(request.username, address);
    // Not audited: a refusal costs no DB write, so a flood of them cannot flood the audit log.
    if (wait > 0) {
      throw new DomainException(
        'RATE_LIMITED',
        `too many failed logins for "${request.username}" from ${address}: retry in ${wait} s`,
      ).withRetryAfter(wait);
    }
    const users = this.database.repository(UserEntity);
    const user = await users.findOneBy({ username: request.username });
    if (!user || !(await verifyPassword(request.password, user?.passwordHash))) {
      const lockedForSeconds = this.limiter.failed(request.username, address);
      await this.audit.record(request.username, 'auth.login-failed', request.username, {
        address,
        lockedForSeconds,
      });
      throw new DomainException('UNAUTHORIZED', 'wrong username or password');
    }
    this.limiter.succeeded(request.username, address);
    const lastLoginAt = new Date();
    const passwordHash = needsRehash(user.passwordHash)
      ? await hashPassword(request.password)
      : user.passwordHash;
    await users.update({ id: user.id }, { lastLoginAt, passwordHash });
    const { expiresAt, token } = await this.tokens.sign(user);
    await this.audit.record(user.username, 'auth.login', user.username, { address });
    return { expiresAt, token, user: { role: user.role, username: user.username } };
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    if (user.kind !== 'user') {
      throw new DomainException('BAD_REQUEST', 'an API token has no session: revoke it instead');
    }
    await this.tokens.revokeSession(user.sessionId);
    await this.audit.record(user, 'auth.logout', user.username);
  }

  /** First start only: creates the admin, with a generated password unless NTA_ADMIN_PASSWORD. */
  private async seedAdmin(ds: DataSource): Promise<void> {
    // Expired sessions are kept a day for the audit trail's sake, then dropped at each start.
    await ds.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
    const users = ds.getRepository(UserEntity);
    if ((await users.count()) > 0) return;
    const generated = this.config.adminPassword === null;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const inserted = await ds.query<unknown[]>(
      `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, 'admin')
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [this.config.adminUsername, await hashPassword(password)],
    );
    if (inserted.length === 0) return;
    if (generated) {
      this.logger.warn(
        `first start: created user "${this.config.adminUsername}" with password "${password}" — note it now, it is shown only once (or set NTA_ADMIN_PASSWORD before the first start)`,
      );
    } else {
      this.logger.log(
        `first start: created user "${this.config.adminUsername}" (NTA_ADMIN_PASSWORD)`,
      );
    }
  }
}
