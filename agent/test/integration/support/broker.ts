// Starts a real aedes MQTT broker in-process on a free (or given) port, with the console's auth
// rule: username = agent id, password = the shared agent secret. Like the console once a report
// is stored, it acks every report on the agent's ack topic (unless `acks: false`).
import { agentTopic, parseAgentTopic, type ReportAck } from '@nta/contracts';
import { Aedes } from 'aedes';
import { type AddressInfo, createServer, type Server } from 'node:net';

export const AGENT_SECRET = 'it-secret';
export const OBSERVER = { password: 'observer-pw', username: 'observer' };

export interface TestBroker {
  close(): Promise<void>;
  port: number;
  url: string;
}

export async function startBroker(
  port = 0,
  // host: 0.0.0.0 lets an agent in a network namespace reach it over a veth pair.
  opts: { acks?: boolean; host?: string } = {},
): Promise<TestBroker> {
  const broker = await Aedes.createBroker();
  if (opts.acks !== false) {
    broker.on('publish', (packet, client) => {
      const topic = parseAgentTopic(packet.topic);
      if (!client || topic?.kind !== 'stats') return;
      const { seq } = JSON.parse(packet.payload.toString()) as { seq: number };
      const ack: ReportAck = { agentId: topic.agentId, seqs: [seq], ts: Date.now() };
      broker.publish(
        {
          cmd: 'publish',
          dup: false,
          payload: Buffer.from(JSON.stringify(ack)),
          qos: 1,
          retain: false,
          topic: agentTopic(topic.agentId, 'ack'),
        },
        () => undefined,
      );
    });
  }
  broker.authenticate = (_client, username, password, done) => {
    const pw = password?.toString();
    const ok =
      (username === OBSERVER.username && pw === OBSERVER.password) ||
      (username !== undefined && username !== OBSERVER.username && pw === AGENT_SECRET);
    if (ok) return done(null, true);
    const error = Object.assign(new Error('bad username or password'), { returnCode: 4 });
    done(error, false);
  };
  const server: Server = createServer((socket) => broker.handle(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host ?? '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    port: actual,
    url: `mqtt://127.0.0.1:${actual}`,
  };
}

/** A port nothing listens on: bind to 0, note it, release it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
