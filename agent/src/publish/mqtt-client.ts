import { DEFAULT_BROKER_PORT } from '@nta/contracts';
import type { IClientOptions, MqttClient } from 'mqtt';
import { createConnection } from 'node:net';

// mqtt's connect() loads its WebSocket, TLS and SOCKS stacks on first use (~35 modules, ~4 MB
// resident for as long as the agent runs) although the agent only speaks mqtt://: build the
// client class alone over a plain TCP socket instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Client = (require('mqtt/lib/client') as { default: typeof MqttClient }).default;

/** An MQTT client for an `mqtt://host:port` URL (what the config accepts), not yet connected. */
export function createMqttClient(url: string, opts: IClientOptions): MqttClient {
  const parsed = new URL(url);
  // IPv6 literals come bracketed from URL.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(parsed.port) || DEFAULT_BROKER_PORT;
  return new Client(() => createConnection({ host, port }), {
    ...opts,
    host,
    port,
    protocol: 'mqtt',
    // Without this mqtt-packet pre-builds 65,536 two-byte Buffers for message ids: ~6.5 MB of
    // heap to save one 2-byte allocation per packet, and the agent sends a few per second.
    writeCache: false,
  });
}
