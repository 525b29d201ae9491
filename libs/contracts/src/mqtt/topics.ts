export const TOPIC_ROOT = 'nta/v1';

export const AGENT_TOPIC_KINDS = [
  'status',
  'interfaces',
  'stats',
  'packets',
  'cmd',
  'cmd-result',
  'ack',
] as const;

export type AgentTopicKind = (typeof AGENT_TOPIC_KINDS)[number];

export interface ParsedAgentTopic {
  agentId: string;
  kind: AgentTopicKind;
}

export const AGENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function agentTopic(agentId: string, kind: AgentTopicKind): string {
  if (!AGENT_ID_PATTERN.test(agentId)) {
    throw new Error(`invalid agent id "${agentId}": use 1-64 letters, digits, '.', '_' or '-'`);
  }
  return `${TOPIC_ROOT}/agents/${agentId}/${kind}`;
}

/** Subscription pattern matching one kind for every agent, e.g. `nta/v1/agents/+/stats`. */
export function allAgentsTopic(kind: AgentTopicKind): string {
  return `${TOPIC_ROOT}/agents/+/${kind}`;
}

export function parseAgentTopic(topic: string): ParsedAgentTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'agents') {
    return null;
  }
  const [, , , agentId, kind] = parts;
  if (!AGENT_ID_PATTERN.test(agentId) || !isAgentTopicKind(kind)) return null;
  return { agentId, kind };
}

function isAgentTopicKind(value: string): value is AgentTopicKind {
  return (AGENT_TOPIC_KINDS as readonly string[]).includes(value);
}
