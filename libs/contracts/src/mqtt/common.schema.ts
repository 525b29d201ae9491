import { z } from 'zod';
import { AGENT_ID_PATTERN } from './topics';

export const agentIdSchema = z.string().regex(AGENT_ID_PATTERN, 'agent id: 1-64 of [A-Za-z0-9._-]');

const count = z.number().int().nonnegative();
export const countersSchema = z.object({ bytes: count, packets: count });
export type Counters = z.infer<typeof countersSchema>;
