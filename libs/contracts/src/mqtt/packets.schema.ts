import { z } from 'zod';
import { agentIdSchema } from './common.schema';

export const packetSampleSchema = z.object({
  dst: z.string(),
  info: z.string().max(512),
  length: z.number().int().nonnegative(),
  protocol: z.string().max(32),
  src: z.string(),
  ts: z.number().nonnegative(),
});
export type PacketSample = z.infer<typeof packetSampleSchema>;

/** A bounded sample of the packets of one interval, for the live packet table. */
export const packetSamplesSchema = z.object({
  agentId: agentIdSchema,
  interface: z.string().min(1).max(64),
  packets: z.array(packetSampleSchema).max(1000),
  seq: z.number().int().nonnegative(),
});
export type PacketSamples = z.infer<typeof packetSamplesSchema>;
