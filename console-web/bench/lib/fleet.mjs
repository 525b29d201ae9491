// N fake agents over real MQTT (one mqtt.js client each, as real agents connect): each says it
// is online, then publishes one stats report per second, spread over the second.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mqtt = require('mqtt');
const { agentTopic, emptyStatsReport } = require('@nta/contracts');

function report(agentId, seq, now) {
  const r = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: now,
    intervalStart: now - 1000,
    seq,
  });
  const packets = 50 + (seq % 50);
  r.transport.tcp = { bytes: packets * 900, packets };
  r.transport.udp = { bytes: 3000, packets: 20 };
  r.totals = { bytes: packets * 900 + 3000, packets: packets + 20 };
  r.direction.in = { bytes: packets * 600, packets: packets / 2 };
  r.direction.out = { bytes: packets * 300 + 3000, packets: packets / 2 + 20 };
  r.applications = { dns: { bytes: 3000, packets: 20 }, tls: { bytes: packets * 900, packets } };
  r.quality.captured = packets + 20;
  return r;
}

export async function startFleet({ count, secret, url }) {
  const agents = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(3, '0')}`;
    const client = await mqtt.connectAsync(url, {
      clientId: `${id}-bench`,
      password: secret,
      reconnectPeriod: 1000,
      username: id,
    });
    const capture = {
      error: null,
      filter: null,
      interface: 'eth0',
      running: true,
      startedAt: Date.now(),
    };
    const status = {
      agentId: id,
      capture,
      captures: [capture],
      hostname: `${id}.bench`,
      outbox: null,
      state: 'online',
      ts: Date.now(),
      version: 'bench',
    };
    await client.publishAsync(agentTopic(id, 'status'), JSON.stringify(status), {
      qos: 1,
      retain: true,
    });
    agents.push({ client, id, seq: 0 });
  }
  let timers = [];
  let published = 0;
  return {
    agents,
    get published() {
      return published;
    },
    /** Starts (or stops, with 0) the reports: `perSecond` per agent. */
    rate(perSecond) {
      for (const t of timers) clearInterval(t);
      timers = [];
      if (!perSecond) return;
      agents.forEach((agent, i) => {
        // Spread the agents over the second so the console sees a steady stream.
        const start = setTimeout(
          () => {
            const tick = () => {
              const body = JSON.stringify(report(agent.id, ++agent.seq, Date.now()));
              agent.client.publish(agentTopic(agent.id, 'stats'), body, { qos: 1 });
              published++;
            };
            tick();
            timers.push(setInterval(tick, 1000 / perSecond));
          },
          (i * 1000) / agents.length,
        );
        timers.push(start);
      });
    },
    async stop() {
      this.rate(0);
      await Promise.all(agents.map((a) => a.client.endAsync(true)));
    },
  };
}
