import { Injectable } from '@nestjs/common';
import {
  type AlertEvent,
  type AlertRule,
  createAlertRuleSchema,
  type Page,
  type PageQuery,
  validate,
} from '@nta/contracts';
import { DomainException } from '../../common/errors/domain.exception';
import { DatabaseService } from '../../infra/database/database.service';
import { AlertEngine } from './alert-engine.service';
import { AlertEventEntity } from './alert-event.entity';
import { toAlertEvent, toAlertRule } from './alert-mapping';
import { AlertRuleEntity } from './alert-rule.entity';
import type {
  AlertEventsQueryDto,
  CreateAlertRuleDto,
  UpdateAlertRuleDto,
} from './dto/alert-rule.dto';

/** Alert rules (CRUD) and the events they fired. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly engine: AlertEngine,
  ) {}

  async rules(page: PageQuery): Promise<Page<AlertRule>> {
    const [rows, total] = await this.rulesRepo().findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items: rows.map(toAlertRule), limit: page.limit, offset: page.offset, total };
  }

  async create(body: CreateAlertRuleDto): Promise<AlertRule> {
    const saved = await this.rulesRepo().save(this.rulesRepo().create(checkScope(body)));
    await this.engine.reload();
    return toAlertRule(saved);
  }

  async update(id: string, patch: UpdateAlertRuleDto): Promise<AlertRule> {
    const current = toAlertRule(await this.rule(id));
    const fields: Partial<AlertRule> = { ...current, ...patch };
    delete fields.createdAt;
    delete fields.id;
    // The merged rule must be valid as a whole (e.g. a threshold for a throughput kind).
    const merged = validate(createAlertRuleSchema, fields, 'body (merged with the stored rule)');
    if (!merged.ok) throw new DomainException('BAD_REQUEST', merged.error);
    await this.rulesRepo().update({ id }, checkScope(merged.value));
    await this.engine.reload();
    return toAlertRule(await this.rule(id));
  }

  /** Deletes the rule and its events; any firing alert of it ends without a webhook. */
  async remove(id: string): Promise<void> {
    await this.rule(id);
    await this.rulesRepo().delete({ id });
    await this.engine.reload();
  }

  async events(query: AlertEventsQueryDto): Promise<Page<AlertEvent>> {
    const q = this.database
      .repository(AlertEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.firedAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip(query.offset)
      .take(query.limit);
    if (query.active === 'true') q.andWhere('e.resolvedAt IS NULL');
    if (query.active === 'false') q.andWhere('e.resolvedAt IS NOT NULL');
    if (query.rule) q.andWhere('e.ruleId = :rule', { rule: query.rule });
    const [rows, total] = await q.getManyAndCount();
    return { items: rows.map(toAlertEvent), limit: query.limit, offset: query.offset, total };
  }

  private async rule(id: string): Promise<AlertRuleEntity> {
    const row = await this.rulesRepo().findOneBy({ id });
    if (!row) throw new DomainException('NOT_FOUND', `alert rule "${id}" does not exist`);
    return row;
  }

  private rulesRepo() {
    return this.database.repository(AlertRuleEntity);
  }
}

function checkScope<T extends { group: string | null; host: string | null }>(rule: T): T {
  if (rule.host !== null && rule.group !== null) {
    throw new DomainException(
      'BAD_REQUEST',
      'body: set host or group (or neither for every host), not both',
    );
  }
  return rule;
}
