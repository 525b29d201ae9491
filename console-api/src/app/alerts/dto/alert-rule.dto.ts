import {
  type AlertEventsQuery,
  alertEventsQuerySchema,
  createAlertRuleSchema,
  type UpdateAlertRuleRequest,
  updateAlertRuleSchema,
} from '@nta/contracts';
import { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type AlertEventsQueryDto = AlertEventsQuery;
export type CreateAlertRuleDto = z.output<typeof createAlertRuleSchema>;
export type UpdateAlertRuleDto = UpdateAlertRuleRequest;

export const ALERT_EVENTS_QUERY_PIPE = new ZodValidationPipe(alertEventsQuerySchema, 'query');
export const CREATE_ALERT_RULE_PIPE = new ZodValidationPipe(createAlertRuleSchema, 'body');
export const UPDATE_ALERT_RULE_PIPE = new ZodValidationPipe(updateAlertRuleSchema, 'body');
export const RULE_ID_PIPE = new ZodValidationPipe(z.uuid(), 'path parameter id');
