// Bench MQTT broker for the `agent-run` subject: a real aedes broker (the one the console embeds)
// on 127.0.0.1 that acks every report on the agent's `ack` topic as the console does once it is
// stored, so the agent's on-disk outbox stays as small as in production.
// Usage: node broker.mjs   prints {"port":N}, then one line per report received:
// {"agentId":"…","seq":N,"packets":N}. Ends on SIGINT / SIGTERM.
import { Aedes } from 'aedes';
import { createServer } from 'node:net';

const TOPIC = /^nta\/v1\/agents\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\/stats$/;

const broker = await Aedes.createBroker();
broker.on('publish', (packet, client) => {
  const match = client ? TOPIC.exec(packet.topic) : null;
  if (!match) return;
  const agentId = match[1];
  const report = JSON.parse(packet.payload.toString());
  process.stdout.write(
    `${JSON.stringify({ agentId, packets: report.totals.packets, seq: report.seq })}\n`,
  );
  const ack = { agentId, seqs: [report.seq], ts: Date.now() };
  broker.publish(
    {
      cmd: 'publish',
      dup: false,
      payload: Buffer.from(JSON.stringify(ack)),
      qos: 1,
      retain: false,
      topic: `nta/v1/agents/${agentId}/ack`,
    },
    () => undefined,
  );
});
const server = createServer((socket) => broker.handle(socket));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    broker.close(() => process.exit(0));
  });
}
