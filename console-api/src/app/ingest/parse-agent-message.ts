import { parseAgentTopic, validateJson, type Validated } from '@nta/contracts';
import type { z } from 'zod';

/**
 * Validates an agent's payload and checks it speaks for the agent its topic names; `clean` is
 * validateJson's fast yes for the hot path.
 */
export function parseAgentMessage<T extends { agentId: string }>(
  schema: z.ZodType<T>,
  topic: string,
  payload: string | Uint8Array,
  clean?: (value: unknown) => value is T,
): Validated<T> {
  const parsed = parseAgentTopic(topic);
  if (!parsed) return { error: `${topic}: (topic): not an agent topic`, ok: false };
  const result = validateJson(schema, payload, topic, clean);
  if (result.ok && result.value.agentId !== parsed.agentId) {
    return {
      error: `${topic}: agentId: "${result.value.agentId}" does not match the topic's agent "${parsed.agentId}"`,
      ok: false,
    };
  }
  return result;
}
