// Starts: on 127.0.0.1, a DNS responder on a high UDP port and on port 53, an HTTP server and a
// TLS server on free (high) ports, and the built agent CLI `watch --interface lo --json` limited
// by a BPF filter to those ports. Sends a DNS query, an HTTP request with a Host header and a
// TLS connection with SNI, and checks the printed reports.
import { type FlowRow, type StatsReport, statsReportSchema, validate } from '@nta/contracts';
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect as tlsConnect,
  createServer as createTlsServer,
  type Server as TlsServer,
} from 'node:tls';
import { dnsQuery, dnsResponse } from '../../src/classify/testdata/payloads';
import { buildAgent, WatchCli } from './support/watch-cli';

const DNS_NAME = 'dns.watch.test';
const DNS_ANSWER = '192.0.2.53';
const SNI = 'sni.watch.test';
const HTTP_HOST = 'web.watch.test';

async function dnsResponder(port: number, host: string): Promise<Socket> {
  const sock = createSocket('udp4');
  sock.on('message', (msg, from) => {
    const answer = dnsResponse(DNS_NAME, [DNS_ANSWER]);
    msg.copy(answer, 0, 0, 2);
    sock.send(answer, from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(port, host, () => resolve());
  });
  return sock;
}

// Port 53 on 127.0.0.1 may be taken by a local resolver; 127.0.0.2 is on lo as well.
async function dnsOn53(): Promise<{ host: string; sock: Socket }> {
  try {
    return { host: '127.0.0.1', sock: await dnsResponder(53, '127.0.0.1') };
  } catch {
    return { host: '127.0.0.2', sock: await dnsResponder(53, '127.0.0.2') };
  }
}

function query(port: number, host: string): Promise<void> {
  const sock = createSocket('udp4');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no DNS answer from ${host}:${port}`)), 3_000);
    sock.on('message', () => {
      clearTimeout(timer);
      sock.close();
      resolve();
    });
    sock.send(dnsQuery(DNS_NAME), port, host);
  });
}

describe('agent watch on lo (built CLI, real capture)', () => {
  let certDir: string;
  let dnsHigh: Socket;
  let dns53: { host: string; sock: Socket };
  let http: Server;
  let tls: TlsServer;
  let reports: StatsReport[];
  let exitCode: number | null;
  const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;

  beforeAll(async () => {
    buildAgent();
    certDir = mkdtempSync(join(tmpdir(), 'nta-watch-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(certDir, 'key.pem'),
        '-out',
        join(certDir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        `/CN=${SNI}`,
      ],
      { stdio: 'ignore' },
    );
    dnsHigh = await dnsResponder(0, '127.0.0.1');
    dns53 = await dnsOn53();
    http = createHttpServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    tls = createTlsServer(
      {
        cert: readFileSync(join(certDir, 'cert.pem')),
        key: readFileSync(join(certDir, 'key.pem')),
      },
      (socket) => socket.end('hello over tls'),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));

    const ports = [port(dnsHigh), 53, port(http), port(tls)];
    const watch = new WatchCli([
      '--interface',
      'lo',
      '--json',
      '--seconds',
      '4',
      '--filter',
      ports.map((p) => `port ${p}`).join(' or '),
      // Node's ClientHello carries the server name past byte 256, the native default snap
      // length (headers only): keep enough of each packet for the payload checks.
      '--snaplen',
      '2048',
    ]);
    try {
      // The first report proves the capture is open; traffic goes into the next ones.
      await watch.waitForLines(1);
      await query(port(dnsHigh), '127.0.0.1');
      await query(53, dns53.host);
      await new Promise<void>((resolve, reject) =>
        httpGet(
          { headers: { Host: HTTP_HOST }, host: '127.0.0.1', path: '/probe', port: port(http) },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        ).on('error', reject),
      );
      await new Promise<void>((resolve, reject) => {
        const s = tlsConnect({
          host: '127.0.0.1',
          port: port(tls),
          rejectUnauthorized: false,
          servername: SNI,
        });
        s.on('data', () => undefined);
        s.on('end', () => {
          s.end();
          resolve();
        });
        s.on('error', reject);
      });
      exitCode = await watch.exited;
    } finally {
      watch.kill();
    }
    reports = watch.stdout.map((line) => JSON.parse(line) as StatsReport);
  }, 120_000);

  afterAll(async () => {
    dnsHigh?.close();
    dns53?.sock.close();
    await new Promise((r) => http?.close(r));
    await new Promise((r) => tls?.close(r));
    rmSync(certDir, { force: true, recursive: true });
  });

  const all = <T>(pick: (r: StatsReport) => T[]) => reports.flatMap(pick);
  const appPackets = (name: string) =>
    reports.reduce((n, r) => n + (r.applications[name]?.packets ?? 0), 0);

  it('prints exactly --seconds reports, each one valid JSON payload per line, then exits 0', () => {
    expect(exitCode).toBe(0);
    expect(reports.length).toBe(4);
    for (const r of reports)
      expect(validate(statsReportSchema, r, `seq ${r.seq}`)).toEqual({ ok: true, value: r });
    expect(reports.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(reports.every((r) => r.interface === 'lo')).toBeTrue();
  });

  it('names DNS (on 53 and on a high port), HTTP and TLS on high ports from their payloads', () => {
    expect(appPackets('dns')).toBeGreaterThanOrEqual(4);
    expect(appPackets('http')).toBeGreaterThan(0);
    expect(appPackets('tls')).toBeGreaterThan(0);
    const dnsFlows = all((r) => r.flows).filter((f) => f.application === 'dns');
    expect(dnsFlows.map((f) => f.bPort)).toEqual(jasmine.arrayContaining([53, port(dnsHigh)]));
  });

  it('shows the DNS query, the TLS SNI and the HTTP host+path in the samples', () => {
    const infos = all((r) => r.samples).map((s) => `${s.protocol} ${s.info}`);

    expect(infos).toContain(`dns query A ${DNS_NAME}`);
    expect(infos).toContain(`dns response A ${DNS_NAME}`);
    expect(infos).toContain(`tls ClientHello SNI ${SNI}`);
    expect(infos).toContain(`http GET ${HTTP_HOST}/probe`);
  });

  it('learns the name from the DNS answer', () => {
    const names = Object.assign({}, ...reports.map((r) => r.names)) as Record<string, string>;

    expect(names[DNS_ANSWER]).toBe(DNS_NAME);
  });

  it('reports flows both ways, oriented from the client', () => {
    const tlsFlow = all((r) => r.flows).find((f: FlowRow) => f.application === 'tls');

    expect(tlsFlow).toEqual(
      jasmine.objectContaining({
        a: '127.0.0.1',
        b: '127.0.0.1',
        bPort: port(tls),
        transport: 'tcp',
        tunnel: null,
      }),
    );
    expect(tlsFlow!.packetsAtoB).toBeGreaterThan(0);
    expect(tlsFlow!.packetsBtoA).toBeGreaterThan(0);
    expect(tlsFlow!.tcpFlags).toContain('S');
  });

  it('adds up: flows + flowsOther = totals, transports + undecodable = totals, all local', () => {
    for (const r of reports) {
      const rows = r.flows.filter((f) => f.tunnel === null);
      const flowPackets = rows.reduce((n, f) => n + f.packetsAtoB + f.packetsBtoA, 0);
      const flowBytes = rows.reduce((n, f) => n + f.bytesAtoB + f.bytesBtoA, 0);
      expect(flowPackets + r.flowsOther.packets).toBe(r.totals.packets);
      expect(flowBytes + r.flowsOther.bytes).toBe(r.totals.bytes);
      const transport = Object.values(r.transport).reduce((n, c) => n + c.packets, 0);
      expect(transport + r.undecodable).toBe(r.totals.packets);
      expect(r.direction.local.packets).toBe(r.totals.packets);
      expect(r.quality.captured).toBe(r.totals.packets);
      expect(r.quality.interfacePackets).not.toBeNull();
    }
    expect(reports.reduce((n, r) => n + r.totals.packets, 0)).toBeGreaterThan(10);
  });
});
