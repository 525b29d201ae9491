import type { AlertEvent, AlertRule } from '@nta/contracts';

export function alertRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    createdAt: 1_700_000_000_000,
    enabled: true,
    forSeconds: 60,
    group: null,
    host: null,
    id: 'r1',
    kind: 'throughput-above',
    name: 'busy',
    threshold: 1_000_000,
    webhookUrl: null,
    ...overrides,
  };
}

export function alertEvent(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return {
    firedAt: 1_700_000_000_000,
    host: 'web-1',
    id: 'e1',
    message: 'web-1 above 1 MB/s',
    resolvedAt: null,
    ruleId: 'r1',
    ruleName: 'busy',
    value: 1_200_000,
    ...overrides,
  };
}
