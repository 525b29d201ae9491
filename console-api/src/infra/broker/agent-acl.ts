import { AGENT_ID_PATTERN, agentTopic, parseAgentTopic } from '@nta/contracts';

export function isValidAgentId(id: string | undefined): id is string {
  return id !== undefined && AGENT_ID_PATTERN.test(id);
}

// Only the console speaks on these; an agent forging its own ack would drop unsaved reports.
const CONSOLE_ONLY_KINDS: readonly string[] = ['ack', 'cmd'];

/** An agent publishes only under its own topics, never on its command or ack topic. */
export function agentMayPublish(agentId: string, topic: string): boolean {
  const parsed = parseAgentTopic(topic);
  return parsed !== null && parsed.agentId === agentId && !CONSOLE_ONLY_KINDS.includes(parsed.kind);
}

/** An agent subscribes only to its own command and report-ack topics (no wildcards). */
export function agentMaySubscribe(agentId: string, filter: string): boolean {
  return filter === agentTopic(agentId, 'cmd') || filter === agentTopic(agentId, 'ack');
}
