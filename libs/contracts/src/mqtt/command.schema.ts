import { z } from 'zod';
import { agentIdSchema } from './common.schema';

const commandId = z.string().min(1).max(64);
const interfaceName = z.string().min(1).max(64);

const bpfFilter = z.string().max(4096).nullable();

// Several interfaces may capture at once; `interface` picks one, absent means the default
// interface for start and every running capture for stop/set-filter.
export const agentCommandSchema = z.discriminatedUnion('type', [
  z.object({ id: commandId, type: z.literal('list-interfaces') }),
  z.object({
    filter: bpfFilter.optional(),
    id: commandId,
    interface: interfaceName.optional(),
    type: z.literal('start'),
  }),
  z.object({ id: commandId, interface: interfaceName.optional(), type: z.literal('stop') }),
  // The original tool's "choose one": stop every capture, then capture on this interface only.
  z.object({
    filter: bpfFilter.optional(),
    id: commandId,
    interface: interfaceName,
    type: z.literal('switch'),
  }),
  z.object({
    filter: bpfFilter,
    id: commandId,
    interface: interfaceName.optional(),
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
