import { AGENT_ID_PATTERN } from '@nta/contracts';

/** A hostname made safe for the topic tree (the agent derives its default id the same way). */
export function agentIdFromHostname(hostname: string): string {
  const id = hostname
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return AGENT_ID_PATTERN.test(id) ? id : 'agent';
}
