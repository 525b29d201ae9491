import { z } from 'zod';
import { agentIdSchema } from './common.schema';

/**
 * Published by the console on `nta/v1/agents/{id}/ack` (QoS 1) once the listed reports are
 * committed; the agent drops them from its on-disk outbox only then. A duplicate is acked too.
 */
export const reportAckSchema = z.object({
  agentId: agentIdSchema,
  seqs: z.array(z.number().int().nonnegative()).min(1).max(10_000),
  ts: z.number().int().nonnegative(),
});
export type ReportAck = z.infer<typeof reportAckSchema>;
