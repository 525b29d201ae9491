import { z } from 'zod';
import { agentIdSchema } from './common.schema';

export const captureStateSchema = z.object({
  // libpcap's own message when the last start failed (permission, no such device, bad filter).
  error: z.string().nullable(),
  filter: z.string().nullable(),
  interface: z.string().nullable(),
  running: z.boolean(),
  // Epoch ms when the running capture started; null while stopped.
  startedAt: z.number().int().nonnegative().nullable(),
});
export type CaptureState = z.infer<typeof captureStateSchema>;

/** Retained on the status topic; the agent's MQTT last-will publishes the offline form. */
export const agentStatusSchema = z.object({
  agentId: agentIdSchema,
  // The first running capture (or the last stopped one); `captures` lists every interface.
  capture: captureStateSchema.nullable(),
  captures: z.array(captureStateSchema).max(64).default([]),
  // Reports kept on disk until the console acknowledged them, and how many the cap evicted.
  outbox: z
    .object({ evicted: z.number().int().nonnegative(), pending: z.number().int().nonnegative() })
    .nullable()
    .default(null),
  hostname: z.string().max(255).nullable(),
  state: z.enum(['online', 'offline']),
  ts: z.number().int().nonnegative(),
  version: z.string().max(64).nullable(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export const interfaceAddressSchema = z.object({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6', 'other']),
  netmask: z.string().nullable(),
});
export type InterfaceAddress = z.infer<typeof interfaceAddressSchema>;

export const interfaceInfoSchema = z.object({
  addresses: z.array(interfaceAddressSchema),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  mac: z.string().nullable(),
  mtu: z.number().int().nonnegative().nullable(),
  name: z.string().min(1).max(64),
  up: z.boolean(),
});
export type InterfaceInfo = z.infer<typeof interfaceInfoSchema>;

/** Retained on the interfaces topic whenever the agent (re)lists its interfaces. */
export const agentInterfacesSchema = z.object({
  agentId: agentIdSchema,
  interfaces: z.array(interfaceInfoSchema),
  ts: z.number().int().nonnegative(),
});
export type AgentInterfaces = z.infer<typeof agentInterfacesSchema>;
