import { z } from 'zod';
import { agentIdSchema } from './common.schema';

const commandId = z.string().min(1).max(64);
const interfaceName = z.string().min(1).max(64);

export const agentCommandSchema = z.discriminatedUnion('type', [
  z.object({ id: commandId, type: z.literal('list-interfaces') }),
  z.object({ id: commandId, interface: interfaceName.optional(), type: z.literal('start') }),
  z.object({ id: commandId, type: z.literal('stop') }),
  z.object({
    filter: z.string().max(4096).nullable(),
    id: commandId,
    type: z.literal('set-filter'),
  }),
]);
export type AgentCommand = z.infer<typeof agentCommandSchema>;
export type AgentCommandType = AgentCommand['type'];

export const commandResultSchema = z.object({
  agentId: agentIdSchema,
  // Free-form per command: the interface list, or the capture state after start/stop.
  data: z.unknown().optional(),
  error: z.string().max(4096).nullable(),
  id: commandId,
  ok: z.boolean(),
  ts: z.number().int().nonnegative(),
});
export type CommandResult = z.infer<typeof commandResultSchema>;
