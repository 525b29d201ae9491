import { z } from 'zod';

const interfaceName = z.string().min(1).max(64);
// libpcap compiles it on the agent; the console only bounds its size.
const bpfFilter = z.string().max(4096);

/** POST /api/hosts/:id/capture/start — absent interface: the agent's default. */
export const captureStartSchema = z.object({
  filter: bpfFilter.nullable().optional(),
  interface: interfaceName.optional(),
});
export type CaptureStartRequest = z.infer<typeof captureStartSchema>;

/** POST /api/hosts/:id/capture/stop — absent interface: every running capture. */
export const captureStopSchema = z.object({ interface: interfaceName.optional() });
export type CaptureStopRequest = z.infer<typeof captureStopSchema>;

/** POST /api/hosts/:id/capture/switch — stop everything, then capture on this interface only. */
export const captureSwitchSchema = z.object({
  filter: bpfFilter.nullable().optional(),
  interface: interfaceName,
});
export type CaptureSwitchRequest = z.infer<typeof captureSwitchSchema>;

/** POST /api/hosts/:id/capture/filter — null clears it; absent interface: every running capture. */
export const captureFilterSchema = z.object({
  filter: bpfFilter.nullable(),
  interface: interfaceName.optional(),
});
export type CaptureFilterRequest = z.infer<typeof captureFilterSchema>;
