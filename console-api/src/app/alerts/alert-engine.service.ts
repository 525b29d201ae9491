import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AlertEvent, AlertRule, AlertWebhookBody } from '@nta/contracts';
import { IsNull } from 'typeorm';
import { DatabaseService } from '../../infra/database/database.service';
import { LiveGateway } from '../live/live.gateway';
import { AlertEvaluator } from './alert-evaluator';
import { alertMessage, type Observation, observe, ruleTargets } from './alert-condition';
import { AlertEventEntity } from './alert-event.entity';
import { alertKey, splitAlertKey, toAlertEvent, toAlertRule } from './alert-mapping';
import { AlertRuleEntity } from './alert-rule.entity';
import { WebhookSender } from './webhook-sender';

// Rules are evaluated this often, from the live view ingest keeps (never from ingest itself).
export const ALERT_TICK_MS = 1000;

/** Evaluates the rules every tick; stores, pushes and posts each firing and resolution. */
@Injectable()
export class AlertEngine implements OnModuleInit, OnApplicationShutdown {
  readonly webhooks = new WebhookSender();
  private readonly evaluator = new AlertEvaluator();
  private readonly logger = new Logger('Alerts');
  private readonly open = new Map<string, string>();
  private rules: AlertRule[] = [];
  private ticking = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: DatabaseService,
    private readonly live: LiveGateway,
  ) {}

  onModuleInit(): void {
    this.database.onReady(async () => {
      await this.reload();
      await this.restoreOpenEvents();
      this.timer ??= setInterval(() => void this.tick(), ALERT_TICK_MS);
      this.timer.unref();
    });
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.webhooks.close();
  }

  /** Re-reads the rules after a change through the API. */
  async reload(): Promise<void> {
    const rows = await this.database.repository(AlertRuleEntity).find();
    this.rules = rows.map(toAlertRule);
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.ticking || !this.database.isReady) return;
    this.ticking = true;
    try {
      const hosts = this.live.state.list();
      const evaluated = new Set<string>();
      for (const rule of this.rules.filter((r) => r.enabled)) {
        for (const host of ruleTargets(rule, hosts)) {
          const key = alertKey(rule.id, host.id);
          evaluated.add(key);
          const seen = observe(rule, host);
          const step = this.evaluator.observe(key, seen.breached, now, rule.forSeconds * 1000);
          if (step === 'fire') await this.fire(rule, host.id, seen, now);
          if (step === 'resolve') await this.resolve(key, seen.value, now);
        }
      }
      // Deleted or disabled rules, hosts gone or moved out of the group: their alerts end.
      for (const key of this.evaluator.retain(evaluated)) await this.resolve(key, null, now);
    } catch (error) {
      this.logger.error(`alert evaluation failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async fire(rule: AlertRule, host: string, seen: Observation, now: number): Promise<void> {
    const saved = await this.database.repository(AlertEventEntity).save({
      firedAt: new Date(now),
      host,
      message: alertMessage(rule, host, seen.value),
      resolvedAt: null,
      ruleId: rule.id,
      ruleName: rule.name,
      value: seen.value,
    });
    this.open.set(alertKey(rule.id, host), saved.id);
    this.publish(rule, toAlertEvent(saved), 'firing');
  }

  private async resolve(key: string, value: number | null, now: number): Promise<void> {
    const id = this.open.get(key);
    this.open.delete(key);
    if (!id) return;
    const repo = this.database.repository(AlertEventEntity);
    const row = await repo.findOneBy({ id });
    // Gone with its rule or host (DELETE cascades): nothing left to resolve.
    if (!row) return;
    row.resolvedAt = new Date(now);
    if (value !== null) row.value = value;
    await repo.save(row);
    const rule = this.rules.find((r) => r.id === splitAlertKey(key).ruleId);
    if (rule) this.publish(rule, toAlertEvent(row), 'resolved');
    else this.live.emitAlert(toAlertEvent(row));
  }

  private publish(rule: AlertRule, event: AlertEvent, state: AlertWebhookBody['state']): void {
    this.logger.log(`${state}: ${event.message} (rule "${rule.name}")`);
    this.live.emitAlert(event);
    if (rule.webhookUrl) void this.webhooks.send(rule.webhookUrl, { event, rule, state });
  }

  private async restoreOpenEvents(): Promise<void> {
    const rows = await this.database.repository(AlertEventEntity).findBy({ resolvedAt: IsNull() });
    for (const row of rows) {
      const key = alertKey(row.ruleId, row.host);
      this.open.set(key, row.id);
      this.evaluator.restore(key);
    }
  }
}
