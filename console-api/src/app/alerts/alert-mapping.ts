import type { AlertEvent, AlertRule } from '@nta/contracts';
import type { AlertEventEntity } from './alert-event.entity';
import type { AlertRuleEntity } from './alert-rule.entity';

export function toAlertRule(e: AlertRuleEntity): AlertRule {
  return {
    createdAt: e.createdAt.getTime(),
    enabled: e.enabled,
    forSeconds: e.forSeconds,
    group: e.group,
    host: e.host,
    id: e.id,
    kind: e.kind,
    name: e.name,
    threshold: e.threshold,
    webhookUrl: e.webhookUrl,
  };
}

export function toAlertEvent(e: AlertEventEntity): AlertEvent {
  return {
    firedAt: e.firedAt.getTime(),
    host: e.host,
    id: e.id,
    message: e.message,
    resolvedAt: e.resolvedAt?.getTime() ?? null,
    ruleId: e.ruleId,
    ruleName: e.ruleName,
    value: e.value,
  };
}

export const alertKey = (ruleId: string, host: string): string => `${ruleId}|${host}`;

export function splitAlertKey(key: string): { host: string; ruleId: string } {
  const at = key.indexOf('|');
  return { host: key.slice(at + 1), ruleId: key.slice(0, at) };
}
