import { statsReportSchema, type StatsReport, validate } from '@nta/contracts';
import type { NetworkInterfaceInfo } from 'node:os';
import { dnsQuery, dnsResponse, httpRequest, tlsClientHello } from '../classify/testdata/payloads';
import { TUNNEL_VXLAN } from '../decode/frame-info';
import { SLOT_UNDECODABLE } from '../decode/transport-slot';
import { REASON_TRUNCATED, REASON_UNSUPPORTED_LINK_TYPE } from '../decode/undecodable-reason';
import { HostAddresses } from './host-addresses';
import { coveragePct, StatsAccumulator } from './stats-accumulator';
import {
  arpPacket,
  packet,
  type PacketSpec,
  reply,
  TCP_ACK,
  TCP_PSH,
  TCP_SYN,
} from './testdata/packets';

const ME = '10.0.0.5';
const GATEWAY = '10.0.0.1';
const hosts = () =>
  new HostAddresses(() => ({
    eth0: [{ address: ME, cidr: `${ME}/24`, family: 'IPv4' } as NetworkInterfaceInfo],
  }));
const meta = (seq = 1, intervalEnd = 2_000) => ({
  agentId: 'host-1',
  interface: 'eth0',
  intervalEnd,
  seq,
});

describe(StatsAccumulator.name, () => {
  let sut: StatsAccumulator;
  let now: number;

  const send = (spec: PacketSpec, wire = 100) => {
    const p = packet(spec);
    sut.add(p.info, p.buf, wire, 1, now);
  };
  const flush = (
    seq = 1,
    m: Partial<ReturnType<typeof meta>> & { interfacePackets?: number | null } = {},
  ) => {
    const r = sut.flush({ ...meta(seq, now), ...m });
    expect(validate(statsReportSchema, r, 'report')).toEqual({ ok: true, value: r });
    return r;
  };
  const sumFlows = (r: StatsReport) =>
    r.flows
      .filter((f) => f.tunnel === null)
      .reduce(
        (s, f) => ({
          bytes: s.bytes + f.bytesAtoB + f.bytesBtoA,
          packets: s.packets + f.packetsAtoB + f.packetsBtoA,
        }),
        { bytes: 0, packets: 0 },
      );

  beforeEach(() => {
    now = 1_000;
    sut = new StatsAccumulator(1_000, {
      hosts: hosts(),
      samples: 50,
      topFlows: 50,
      topTalkers: 20,
    });
  });

  it('counts totals, transports, applications and direction of a mixed second', () => {
    const dns = {
      dst: GATEWAY,
      dstPort: 53,
      payload: dnsQuery('example.com'),
      src: ME,
      srcPort: 50000,
    };
    send(dns, 80);
    send(reply(dns, { payload: dnsResponse('example.com', ['93.184.215.14']) }), 96);
    const tls = {
      dst: '93.184.215.14',
      dstPort: 443,
      proto: 'tcp' as const,
      src: ME,
      srcPort: 40000,
    };
    send({ ...tls, flags: TCP_SYN }, 74);
    send(reply(tls, { flags: TCP_SYN | TCP_ACK }), 74);
    send({ ...tls, flags: TCP_PSH | TCP_ACK, payload: tlsClientHello('example.com') }, 300);
    send({ dst: '8.8.8.8', icmpType: 8, proto: 'icmp', src: ME }, 98);
    const arp = arpPacket(GATEWAY, ME);
    sut.add(arp.info, arp.buf, 60, 1, now);
    const bad = packet({ dst: ME, src: GATEWAY });
    bad.info.slot = SLOT_UNDECODABLE;
    bad.info.reason = REASON_TRUNCATED;
    sut.add(bad.info, bad.buf, 20, 1, now);

    const r = flush();

    expect(r.totals).toEqual({ bytes: 80 + 96 + 74 + 74 + 300 + 98 + 60 + 20, packets: 8 });
    expect(r.transport.udp).toEqual({ bytes: 176, packets: 2 });
    expect(r.transport.tcp).toEqual({ bytes: 448, packets: 3 });
    expect(r.transport.icmp).toEqual({ bytes: 98, packets: 1 });
    expect(r.transport.arp).toEqual({ bytes: 60, packets: 1 });
    expect(r.applications).toEqual({
      arp: { bytes: 60, packets: 1 },
      dns: { bytes: 176, packets: 2 },
      icmp: { bytes: 98, packets: 1 },
      tls: { bytes: 448, packets: 3 },
    });
    expect(r.direction.out.packets).toBe(4);
    expect(r.direction.in.packets).toBe(3);
    expect(r.undecodable).toBe(1);
    expect(r.quality.undecodableReasons).toEqual({ truncated: 1 });
    const directionSum = Object.values(r.direction).reduce((n, c) => n + c.packets, 0);
    expect(directionSum).toBe(r.totals.packets - r.undecodable);
  });

  it('reports flows both ways from the first sender, with flags and application', () => {
    const http = {
      dst: '192.0.2.80',
      dstPort: 8080,
      proto: 'tcp' as const,
      src: ME,
      srcPort: 41000,
    };
    send({ ...http, flags: TCP_SYN }, 74);
    send(reply(http, { flags: TCP_SYN | TCP_ACK }), 74);
    send({ ...http, flags: TCP_PSH | TCP_ACK, payload: httpRequest('shop.example', '/cart') }, 200);
    send(reply(http, { flags: TCP_PSH | TCP_ACK, payload: 'HTTP/1.1 200 OK\r\n\r\n' }), 1500);

    const [flow] = flush().flows;

    expect(flow).toEqual({
      a: ME,
      aPort: 41000,
      application: 'http',
      b: '192.0.2.80',
      bPort: 8080,
      bytesAtoB: 274,
      bytesBtoA: 1574,
      firstSeen: 1_000,
      lastSeen: 1_000,
      packetsAtoB: 2,
      packetsBtoA: 2,
      tcpFlags: 'SPA',
      transport: 'tcp',
      tunnel: null,
    });
  });

  it('keeps a flow across seconds: same orientation and firstSeen, counters per interval', () => {
    const udp = { dst: '198.51.100.7', dstPort: 9999, src: ME, srcPort: 5000 };
    send(udp);
    flush(1);
    now = 2_500;
    send(reply(udp), 40);

    const [flow] = flush(2).flows;

    expect(flow).toEqual(
      jasmine.objectContaining({
        a: ME,
        bytesAtoB: 0,
        bytesBtoA: 40,
        firstSeen: 1_000,
        lastSeen: 2_500,
      }),
    );
  });

  it('puts what misses the top N into flowsOther so flows add up to the IP totals', () => {
    sut = new StatsAccumulator(1_000, { hosts: hosts(), topFlows: 3 });
    for (let i = 0; i < 20; i++) send({ dst: '203.0.113.9', dstPort: 7000 + i, src: ME }, 100 + i);
    const arp = arpPacket(GATEWAY, ME);
    sut.add(arp.info, arp.buf, 60, 1, now);

    const r = flush();
    const ip = { bytes: r.totals.bytes - 60, packets: r.totals.packets - 1 };

    expect(r.flows.map((f) => f.bPort)).toEqual([7019, 7018, 7017]);
    const s = sumFlows(r);
    expect({
      bytes: s.bytes + r.flowsOther.bytes,
      packets: s.packets + r.flowsOther.packets,
    }).toEqual(ip);
  });

  it('marks tunnel inner flows and keeps them out of the sum', () => {
    const p = packet({
      dst: '198.51.100.1',
      dstPort: 4789,
      payload: Buffer.from('0800000000000100', 'hex'),
      src: ME,
      srcPort: 33333,
    });
    p.info.tunnel = TUNNEL_VXLAN;
    const inner = packet({
      dst: '172.16.0.2',
      dstPort: 80,
      proto: 'tcp',
      src: '172.16.0.1',
      srcPort: 5555,
    });
    p.info.inner.ipVersion = 4;
    p.info.inner.src.set(inner.info.outer.src);
    p.info.inner.dst.set(inner.info.outer.dst);
    p.info.inner.ipProto = 6;
    p.info.inner.srcPort = 5555;
    p.info.inner.dstPort = 80;
    sut.add(p.info, p.buf, 150, 1, now);

    const r = flush();

    expect(r.applications).toEqual({ vxlan: { bytes: 150, packets: 1 } });
    expect(r.quality.tunnels).toEqual({ gre: 0, vxlan: 1 });
    expect(r.flows.map((f) => [f.a, f.tunnel, f.application])).toEqual(
      jasmine.arrayWithExactContents([
        [ME, null, 'vxlan'],
        ['172.16.0.1', 'vxlan', 'http'],
      ]),
    );
    expect(sumFlows(r).packets + r.flowsOther.packets).toBe(1);
  });

  it('learns names from DNS answers, reports each once and names the talkers', () => {
    const dns = {
      dst: GATEWAY,
      dstPort: 53,
      payload: dnsQuery('api.example.com'),
      src: ME,
      srcPort: 50001,
    };
    send(dns);
    send(
      reply(dns, {
        payload: dnsResponse(
          'api.example.com',
          ['198.51.100.20', '2001:db8::20'],
          'lb.example.net',
        ),
      }),
    );
    send({ dst: '198.51.100.20', dstPort: 443, proto: 'tcp', src: ME, srcPort: 42000 }, 500);

    const first = flush(1);
    send({ dst: '198.51.100.20', dstPort: 443, proto: 'tcp', src: ME, srcPort: 42000 }, 500);
    const second = flush(2);

    expect(first.names).toEqual({
      '198.51.100.20': 'api.example.com',
      '2001:db8::20': 'api.example.com',
    });
    expect(second.names).toEqual({});
    expect(second.talkers.remote).toEqual([
      {
        address: '198.51.100.20',
        bytesIn: 500,
        bytesOut: 0,
        name: 'api.example.com',
        packetsIn: 1,
        packetsOut: 0,
      },
    ]);
    expect(second.talkers.local.map((t) => t.address)).toEqual([ME]);
  });

  it('keeps top-N talkers with local and remote others adding up', () => {
    sut = new StatsAccumulator(1_000, { hosts: hosts(), topTalkers: 2 });
    for (let i = 1; i <= 5; i++) send({ dst: `203.0.113.${i}`, src: ME }, i * 100);
    send({ dst: '10.0.0.77', src: '10.0.0.66' }, 50);

    const r = flush();
    const sum = (rows: { packetsIn: number; packetsOut: number }[]) =>
      rows.reduce((n, t) => n + t.packetsIn + t.packetsOut, 0);

    expect(r.talkers.remote.map((t) => t.address)).toEqual(['203.0.113.5', '203.0.113.4']);
    expect(r.talkers.remoteOther).toEqual({ bytes: 600, packets: 3 });
    // Equal traffic: the first seen wins.
    expect(r.talkers.local.map((t) => t.address)).toEqual([ME, '10.0.0.66']);
    expect(r.talkers.localOther).toEqual({ bytes: 50, packets: 1 });
    // Every IP packet is counted once at its sender and once at its receiver.
    const all =
      sum(r.talkers.local) +
      sum(r.talkers.remote) +
      r.talkers.localOther.packets +
      r.talkers.remoteOther.packets;
    expect(all).toBe(2 * 6);
  });

  it('describes sampled packets: DNS query, TLS SNI, HTTP host+path, TCP flags, ICMP type', () => {
    send({
      dst: GATEWAY,
      dstPort: 53,
      payload: dnsQuery('example.org', 1, 28),
      src: ME,
      srcPort: 50002,
    });
    send({
      dst: '192.0.2.1',
      dstPort: 443,
      flags: TCP_PSH | TCP_ACK,
      payload: tlsClientHello('secure.example'),
      proto: 'tcp',
      src: ME,
    });
    send({
      dst: '192.0.2.2',
      dstPort: 80,
      payload: httpRequest('www.example', '/a?b=1'),
      proto: 'tcp',
      src: ME,
    });
    send({ dst: '192.0.2.3', dstPort: 22, flags: TCP_SYN, proto: 'tcp', src: ME, srcPort: 43000 });
    send({ dst: '192.0.2.4', icmpType: 3, proto: 'icmp', src: ME });
    const arp = arpPacket(ME, GATEWAY);
    sut.add(arp.info, arp.buf, 42, 1, now);

    const samples = flush().samples;

    expect(samples.map((s) => [s.protocol, s.info])).toEqual(
      jasmine.arrayWithExactContents([
        ['dns', 'query AAAA example.org'],
        ['tls', 'ClientHello SNI secure.example'],
        ['http', 'GET www.example/a?b=1'],
        ['ssh', '43000 → 22 [S]'],
        ['icmp', 'destination unreachable'],
        ['arp', `who-has ${GATEWAY} tell ${ME}`],
      ]),
    );
    expect(samples[0]).toEqual(
      jasmine.objectContaining({ dst: GATEWAY, length: 100, src: ME, ts: 1_000 }),
    );
  });

  it('bounds the samples of a busy second', () => {
    sut = new StatsAccumulator(1_000, { hosts: hosts(), samples: 10 });
    for (let i = 0; i < 5000; i++) send({ dst: '203.0.113.1', src: ME });

    expect(flush().samples.length).toBeLessThanOrEqual(10);
  });

  it('reports capture quality: coverage vs the interface counters, link types, lag fields', () => {
    send({ dst: GATEWAY, src: ME });
    const odd = packet({ dst: ME, src: GATEWAY });
    odd.info.slot = SLOT_UNDECODABLE;
    odd.info.reason = REASON_UNSUPPORTED_LINK_TYPE;
    sut.add(odd.info, odd.buf, 30, 147, now);

    const r = flush(1, { interfacePackets: 4 });

    expect(r.quality).toEqual(
      jasmine.objectContaining({
        captured: 2,
        coveragePct: 50,
        drops: null,
        interfacePackets: 4,
        linkTypes: { '147': 1 },
        undecodable: 1,
        undecodableReasons: { 'unsupported-link-type': 1 },
      }),
    );
    expect(flush(2, { interfacePackets: null }).quality.coveragePct).toBeNull();
  });
});

describe(coveragePct.name, () => {
  it('is captured/interface in % with one decimal, null without counters', () => {
    expect(coveragePct(999, 1000)).toBe(99.9);
    expect(coveragePct(1, 3)).toBe(33.3);
    expect(coveragePct(0, 0)).toBe(100);
    expect(coveragePct(5, null)).toBeNull();
  });
});
