import { Injectable, Logger } from '@nestjs/common';
import type { AuditEntry, Page, PageQuery } from '@nta/contracts';
import { type AuthenticatedUser, actorName } from '../../common/decorators/current-user.decorator';
import { DatabaseService } from '../../infra/database/database.service';
import { AuditEntryEntity } from './audit-entry.entity';
import { redactSecrets } from './redact-secrets';

/** Who did what to which target: capture control, logins, users and tokens (admin reads it). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');
  private failures = 0;

  constructor(private readonly database: DatabaseService) {}

  /** Times an entry could not be written (Postgres down); the action itself still happened. */
  get failedWrites(): number {
    return this.failures;
  }

  /**
   * Appends one entry. Never throws: an audit write failing (database down) is logged and
   * counted, and must not turn an action that already happened into an error.
   */
  async record(
    actor: AuthenticatedUser | string | undefined,
    action: string,
    target: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const who = typeof actor === 'string' ? actor : actorName(actor);
    try {
      await this.database.source.query(
        `INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4)`,
        [who, action, target, JSON.stringify(redactSecrets(detail))],
      );
    } catch (error) {
      this.failures++;
      this.logger.warn(
        `could not record "${action}" by ${who} on ${target ?? '-'}: ${(error as Error).message}`,
      );
    }
  }

  async list(query: PageQuery): Promise<Page<AuditEntry>> {
    const [rows, total] = await this.database.repository(AuditEntryEntity).findAndCount({
      order: { at: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    const items = rows.map((r) => ({
      action: r.action,
      actor: r.actor,
      at: r.at.getTime(),
      detail: r.detail,
      id: r.id,
      target: r.target,
    }));
    return { items, limit: query.limit, offset: query.offset, total };
  }
}
