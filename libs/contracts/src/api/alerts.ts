import { z } from 'zod';

export const ALERT_KINDS = [
  'throughput-above',
  'throughput-below',
  'host-offline',
  'coverage-below',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const ruleFields = {
  enabled: z.boolean(),
  forSeconds: z.number().int().min(0).max(86_400),
  group: z.string().max(64).nullable(),
  host: z.string().max(64).nullable(),
  kind: z.enum(ALERT_KINDS),
  name: z.string().trim().min(1).max(128),
  threshold: z.number().nonnegative().nullable(),
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
};

/** POST /api/alerts/rules; threshold is bytes/s for throughput, % for coverage, unused for offline. */
export const createAlertRuleSchema = z
  .object({
    ...ruleFields,
    enabled: ruleFields.enabled.default(true),
    forSeconds: ruleFields.forSeconds.default(60),
    group: ruleFields.group.default(null),
    host: ruleFields.host.default(null),
    threshold: ruleFields.threshold.default(null),
    webhookUrl: ruleFields.webhookUrl.default(null),
  })
  .refine((r) => r.kind === 'host-offline' || r.threshold !== null, {
    message: 'threshold is required for this kind',
    path: ['threshold'],
  });
export type CreateAlertRuleRequest = z.input<typeof createAlertRuleSchema>;

/** PATCH /api/alerts/rules/:id: any subset; the merged rule must still be a valid rule. */
export const updateAlertRuleSchema = z.object(ruleFields).partial().strict();
export type UpdateAlertRuleRequest = z.infer<typeof updateAlertRuleSchema>;

/** GET /api/alerts/events?active=&limit=&offset= */
export const alertEventsQuerySchema = z.object({
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  rule: z.uuid().optional(),
});
export type AlertEventsQuery = z.infer<typeof alertEventsQuerySchema>;

export interface AlertRule {
  createdAt: number;
  enabled: boolean;
  forSeconds: number;
  group: string | null;
  host: string | null;
  id: string;
  kind: AlertKind;
  name: string;
  threshold: number | null;
  webhookUrl: string | null;
}

/** GET /api/alerts/events: one row per firing, resolvedAt null while it still fires. */
export interface AlertEvent {
  firedAt: number;
  host: string;
  id: string;
  message: string;
  resolvedAt: number | null;
  ruleId: string;
  ruleName: string;
  value: number | null;
}

/** The JSON body POSTed to a rule's webhook on fire and on resolve. */
export interface AlertWebhookBody {
  event: AlertEvent;
  rule: AlertRule;
  state: 'firing' | 'resolved';
}
