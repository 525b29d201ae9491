import { Injectable } from '@nestjs/common';
import type {
  CreateUserRequest,
  Page,
  PageQuery,
  UpdateUserRequest,
  UserSummary,
} from '@nta/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { DatabaseService } from '../../infra/database/database.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import { UserEntity } from '../auth/user.entity';

type Person = Extract<AuthenticatedUser, { kind: 'user' }>;

@Injectable()
export class UsersService {
  constructor(
    private readonly audit: AuditService,
    private readonly database: DatabaseService,
    private readonly tokens: TokenService,
  ) {}

  async list(query: PageQuery): Promise<Page<UserSummary>> {
    const [rows, total] = await this.database.repository(UserEntity).findAndCount({
      order: { username: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { items: rows.map(toSummary), limit: query.limit, offset: query.offset, total };
  }

  async create(actor: Person, request: CreateUserRequest): Promise<UserSummary> {
    const passwordHash = await hashPassword(request.password);
    const rows = await this.database.source.query<{ id: number }[]>(
      `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [request.username, passwordHash, request.role],
    );
    if (rows.length === 0) {
      throw new DomainException('CONFLICT', `user "${request.username}" already exists`);
    }
    const user = await this.database.repository(UserEntity).findOneByOrFail({ id: rows[0].id });
    await this.audit.record(actor, 'user.create', user.username, { role: user.role });
    return toSummary(user);
  }

  /** Admins change anyone's role or password; everyone may change their own password. */
  async update(actor: Person, idParam: string, request: UpdateUserRequest): Promise<UserSummary> {
    const id = userId(idParam);
    const self = actor.userId === id;
    if (actor.role !== 'admin' && (!self || request.role !== undefined)) {
      throw new DomainException('FORBIDDEN', 'only an admin can change other users or roles');
    }
    const passwordHash = request.password ? await hashPassword(request.password) : undefined;
    const user = await this.database.source.transaction(async (tx) => {
      const found = await lockedUser(tx, id);
      if (request.role === 'viewer' && found.role === 'admin') await keepAnAdmin(tx, found);
      await tx.update(UserEntity, { id }, { passwordHash, role: request.role });
      return { ...found, role: request.role ?? found.role };
    });
    const demoted = request.role === 'viewer';
    // A new password or a lower role ends every session the user had open.
    const sessionsEnded = passwordHash || demoted ? await this.tokens.revokeUserSessions(id) : 0;
    await this.audit.record(actor, 'user.update', user.username, {
      passwordChanged: passwordHash !== undefined,
      role: request.role,
      sessionsEnded,
    });
    return toSummary(user);
  }

  async remove(actor: Person, idParam: string): Promise<void> {
    const id = userId(idParam);
    const user = await this.database.source.transaction(async (tx) => {
      const found = await lockedUser(tx, id);
      if (found.role === 'admin') await keepAnAdmin(tx, found);
      // Sessions go with the row (ON DELETE CASCADE), so the user's tokens stop at once.
      await tx.delete(UserEntity, { id });
      return found;
    });
    await this.audit.record(actor, 'user.delete', user.username, { role: user.role });
  }
}

// Admin rows first, always in id order, then the target: two concurrent demotions queue up
// instead of deadlocking, and cannot both pass the last-admin check.
async function lockedUser(tx: EntityManager, id: number): Promise<UserEntity> {
  await tx.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`);
  const user = await tx.findOne(UserEntity, { lock: { mode: 'pessimistic_write' }, where: { id } });
  if (!user) throw new DomainException('NOT_FOUND', `user ${id} does not exist`);
  return user;
}

async function keepAnAdmin(tx: EntityManager, leaving: UserEntity): Promise<void> {
  const admins = await tx.count(UserEntity, { where: { role: 'admin' } });
  if (admins <= 1) {
    throw new DomainException(
      'CONFLICT',
      `"${leaving.username}" is the last admin: make another admin first`,
    );
  }
}

function userId(param: string): number {
  const id = Number(param);
  if (!/^\d{1,9}$/.test(param) || id < 1) {
    throw new DomainException('BAD_REQUEST', `params.id: must be a user id, got "${param}"`);
  }
  return id;
}

function toSummary(user: UserEntity): UserSummary {
  return {
    createdAt: user.createdAt.getTime(),
    id: String(user.id),
    lastLoginAt: user.lastLoginAt?.getTime() ?? null,
    role: user.role,
    username: user.username,
  };
}
