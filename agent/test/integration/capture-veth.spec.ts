// Starts: two fresh network namespaces joined by a veth pair (10.250.x.0/30), a capture probe
// (the runtime's live capture on the veth end in namespace A, once per backend: cap, native)
// and a traffic sender in namespace B.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './support/agent-process';
import { createNetnsPair, type NetnsPair } from './support/netns';

const UDP_DATAGRAMS = 50;
const UDP_PAYLOAD = 100;
const UDP_PORT = 9999;
const TCP_PORT = 9998;
const CLOSED_PORT = 9997;

// Sends the known traffic from namespace B: UDP datagrams, one TCP exchange, and datagrams to a
// closed port so A answers with ICMP port-unreachable.
const SENDER = `
const dgram = require('node:dgram'); const net = require('node:net');
const [addr, n, size, udpPort, tcpPort, closedPort] = process.argv.slice(1);
const s = dgram.createSocket('udp4');
let left = Number(n);
const next = () => left-- > 0 ? s.send(Buffer.alloc(Number(size)), Number(udpPort), addr, next) : tcp();
const tcp = () => { const c = net.connect(Number(tcpPort), addr, () => c.end('hello'));
  c.on('close', () => s.send(Buffer.alloc(8), Number(closedPort), addr, () => setTimeout(() => s.close(), 300))); };
next();`;

interface Summary {
  arp: number;
  backend: string;
  drops: (number | null)[];
  icmp: number;
  reports: number;
  tcp: number;
  totals: number;
  udp: number;
  udpBytes: number;
  undecodable: number;
}

for (const backend of ['cap', 'native'])
  describe(`${backend} capture on a veth between two namespaces`, () => {
    let pair: NetnsPair;

    beforeAll(() => {
      pair = createNetnsPair();
    });

    afterAll(() => {
      pair?.destroy();
      const left = execFileSync('ip', ['netns', 'list']).toString();
      expect(left).not.toContain(pair.a.ns);
    });

    it('counts at least the UDP, TCP and ICMP packets sent from the other namespace', async () => {
      const probe = spawn(
        'ip',
        [
          'netns',
          'exec',
          pair.a.ns,
          process.execPath,
          '--require',
          '@swc-node/register',
          join(REPO_ROOT, 'agent/test/integration/support/capture-probe.ts'),
          pair.a.dev,
          String(UDP_PORT),
          String(TCP_PORT),
          backend,
        ],
        { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
      );
      let out = '';
      probe.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const waitFor = async (pattern: RegExp) => {
        const deadline = Date.now() + 15_000;
        while (!pattern.test(out)) {
          if (Date.now() > deadline) throw new Error(`probe output: ${out}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      try {
        await waitFor(/ready\n/);
        execFileSync('ip', [
          'netns',
          'exec',
          pair.b.ns,
          process.execPath,
          '-e',
          SENDER,
          pair.a.addr,
          String(UDP_DATAGRAMS),
          String(UDP_PAYLOAD),
          String(UDP_PORT),
          String(TCP_PORT),
          String(CLOSED_PORT),
        ]);
        // Let the last packets reach the capture before stopping it.
        await new Promise((r) => setTimeout(r, 300));
        probe.stdin.write('stop\n');
        await waitFor(/\{.*\}\n/);
      } finally {
        probe.kill();
      }
      const summary = JSON.parse(/\{.*\}/.exec(out)![0]) as Summary;

      expect(summary.udp).toBeGreaterThanOrEqual(UDP_DATAGRAMS + 1);
      expect(summary.udpBytes).toBeGreaterThanOrEqual(UDP_DATAGRAMS * (14 + 20 + 8 + UDP_PAYLOAD));
      // SYN, SYN-ACK, ACK, data, FIN/ACKs: at least the handshake.
      expect(summary.tcp).toBeGreaterThanOrEqual(3);
      expect(summary.icmp).toBeGreaterThanOrEqual(1);
      expect(summary.arp).toBeGreaterThanOrEqual(1);
      expect(summary.undecodable).toBe(0);
      expect(summary.totals).toBeGreaterThanOrEqual(summary.udp + summary.tcp + summary.icmp);
      expect(summary.reports).toBeGreaterThanOrEqual(1);
      expect(summary.backend).toBe(backend);
      // libpcap's drop counter on native (none at this rate), unknown on cap.
      expect(summary.drops.every((d) => d === (backend === 'native' ? 0 : null))).toBeTrue();
    });
  });
