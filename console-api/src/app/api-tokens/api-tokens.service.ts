import { Injectable } from '@nestjs/common';
import type {
  ApiTokenSummary,
  CreateApiTokenRequest,
  CreatedApiToken,
  Page,
  PageQuery,
  UserRole,
} from '@nta/contracts';
import { createApiTokenSchema } from '@nta/contracts';
import { randomUUID } from 'node:crypto';
import { type AuthenticatedUser, actorName } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { DatabaseService } from '../../infra/database/database.service';
import { AuditService } from '../audit/audit.service';
import { ApiTokenEntity } from './api-token.entity';
import { hashApiToken, newApiTokenSecret } from './api-token-secret';

// last_used_at is written at most this often per token, so reads never turn into a write each.
const LAST_USED_EVERY_MS = 60_000;

export type ApiTokenUser = Extract<AuthenticatedUser, { kind: 'api-token' }>;

@Injectable()
export class ApiTokensService {
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(
    private readonly audit: AuditService,
    private readonly database: DatabaseService,
  ) {}

  async create(actor: AuthenticatedUser, request: CreateApiTokenRequest): Promise<CreatedApiToken> {
    const input = createApiTokenSchema.parse(request);
    const secret = newApiTokenSecret();
    const now = new Date();
    const row: ApiTokenEntity = {
      createdAt: now,
      createdBy: actorName(actor),
      expiresAt:
        input.expiresInSeconds === null
          ? null
          : new Date(now.getTime() + input.expiresInSeconds * 1000),
      id: randomUUID(),
      lastUsedAt: null,
      name: input.name,
      prefix: secret.prefix,
      revokedAt: null,
      scope: input.scope,
      secretHash: secret.hash,
    };
    await this.database.repository(ApiTokenEntity).insert(row);
    await this.audit.record(actor, 'api-token.create', row.id, {
      expiresAt: row.expiresAt?.toISOString() ?? null,
      name: row.name,
      scope: row.scope,
    });
    return { ...toSummary(row), token: secret.token };
  }

  async list(query: PageQuery): Promise<Page<ApiTokenSummary>> {
    const [rows, total] = await this.database.repository(ApiTokenEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { items: rows.map(toSummary), limit: query.limit, offset: query.offset, total };
  }

  async revoke(actor: AuthenticatedUser, id: string): Promise<ApiTokenSummary> {
    const repo = this.database.repository(ApiTokenEntity);
    const row = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!row) throw new DomainException('NOT_FOUND', `API token "${id}" does not exist`);
    if (row.revokedAt === null) {
      row.revokedAt = new Date();
      await repo.update({ id }, { revokedAt: row.revokedAt });
      await this.audit.record(actor, 'api-token.revoke', id, { name: row.name });
    }
    return toSummary(row);
  }

  /** The token's identity, or UNAUTHORIZED when unknown, revoked or expired. */
  async verify(token: string): Promise<ApiTokenUser> {
    const repo = this.database.repository(ApiTokenEntity);
    const row = await repo.findOneBy({ secretHash: hashApiToken(token) });
    if (!row) throw new DomainException('UNAUTHORIZED', 'invalid token: unknown API token');
    if (row.revokedAt)
      throw new DomainException('UNAUTHORIZED', 'invalid token: API token revoked');
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
      throw new DomainException('UNAUTHORIZED', 'invalid token: API token expired');
    }
    this.touch(row.id);
    // read-write tokens may use admin routes (capture control); managing tokens stays session-only.
    const role: UserRole = row.scope === 'read-write' ? 'admin' : 'viewer';
    return { kind: 'api-token', role, scope: row.scope, tokenId: row.id, username: row.name };
  }

  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWrites.get(id) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWrites.set(id, now);
    // Best effort and off the request path: a lost update only makes lastUsedAt older.
    this.database
      .repository(ApiTokenEntity)
      .update({ id }, { lastUsedAt: new Date(now) })
      .catch(() => this.lastUsedWrites.delete(id));
  }
}

function toSummary(row: ApiTokenEntity): ApiTokenSummary {
  return {
    createdAt: row.createdAt.getTime(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt?.getTime() ?? null,
    id: row.id,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
    name: row.name,
    prefix: row.prefix,
    revokedAt: row.revokedAt?.getTime() ?? null,
    scope: row.scope,
  };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
