import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { LoginRequest, LoginResponse } from '@nta/contracts';
import { compare, hash } from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

const BCRYPT_ROUNDS = 10;
// Compared against when the user does not exist, so timing does not reveal valid usernames.
const DUMMY_HASH = '$2b$10$KThJDzZHkgv3Cw7wE5Gr3epw9QzG0E6.vdt6eZcyqtxlYkCkQme6O';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly tokens: TokenService,
  ) {}

  onModuleInit(): void {
    this.database.onReady((ds) => this.seedAdmin(ds));
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    const user = await this.database
      .repository(UserEntity)
      .findOneBy({ username: request.username });
    const matches = await compare(request.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches) {
      throw new DomainException('UNAUTHORIZED', 'wrong username or password');
    }
    const identity = { role: user.role, username: user.username };
    const { expiresAt, token } = await this.tokens.sign(identity);
    return { expiresAt, token, user: identity };
  }

  /** First start only: creates the admin, with a generated password unless NTA_ADMIN_PASSWORD. */
  private async seedAdmin(ds: DataSource): Promise<void> {
    const users = ds.getRepository(UserEntity);
    if ((await users.count()) > 0) return;
    const generated = this.config.adminPassword === null;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const inserted = await ds.query<unknown[]>(
      `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, 'admin')
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [this.config.adminUsername, await hash(password, BCRYPT_ROUNDS)],
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
