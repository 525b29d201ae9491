import { AGENT_ID_PATTERN, agentTopic, parseAgentTopic } from '@nta/contracts';

/** Username the console's own MQTT client uses; `$` keeps it out of the agent id space. */
export const CONSOLE_USERNAME = '$nta-console';

export function isValidAgentId(id: string | undefined): id is string {
  return id !== undefined && AGENT_ID_PATTERN.test(id);
}

/** An agent publishes only under its own topics, and never on its own command topic. */
export function agentMayPublish(agentId: string, topic: string): boolean {
  const parsed = parseAgentTopic(topic);
  return parsed !== null && parsed.agentId === agentId && parsed.kind !== 'cmd';
}

/** An agent subscribes only to its own command topic (no wildcards). */
export function agentMaySubscribe(agentId: string, filter: string): boolean {
  return filter === agentTopic(agentId, 'cmd');
}
