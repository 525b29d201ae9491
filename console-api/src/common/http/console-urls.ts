import type { ConsoleConfig } from '../../infra/config/console-config';

/** The parts of an Express request these helpers read. */
export interface RequestOrigin {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  protocol: string;
}

/** The console's base URL as the caller reached it, unless NTA_PUBLIC_URL pins it. */
export function publicConsoleUrl(config: ConsoleConfig, req: RequestOrigin): string {
  if (config.publicUrl !== null) return config.publicUrl;
  const host = typeof req.headers.host === 'string' ? req.headers.host : '127.0.0.1';
  return `${req.protocol}://${host}`;
}

/**
 * The broker URL an enrolled agent should use: NTA_AGENT_MQTT_URL, else the host the agent
 * reached the console by, with the embedded broker's port (or the external broker's).
 */
export function agentMqttUrl(
  config: ConsoleConfig,
  consoleUrl: string,
  brokerPort: number | null,
): string {
  if (config.agentMqttUrl !== null) return config.agentMqttUrl;
  const host = new URL(consoleUrl).hostname;
  const external = config.broker.url ? new URL(config.broker.url).port : '';
  return `mqtt://${host}:${brokerPort ?? (external || '1883')}`;
}
