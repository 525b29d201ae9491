// Starts: the built agent CLI (`npm run agent -- analyze FILE --json`) on tcpdump corpus files
// (../shared/corpus/tcpdump-tests) and tshark (/usr/bin/tshark) on the same files; compares
// packet and byte totals and the per-transport counts.
import { statsReportSchema, type StatsReport, TRANSPORT_NAMES, validate } from '@nta/contracts';
import { corpusPath } from './corpus/support/corpus-paths';
import { type PeerPacket, tsharkPackets } from './corpus/support/tshark-peer';
import { runAnalyzeCli } from './support/analyze-cli';
import { buildAgent } from './support/watch-cli';

// Every link type the agent decodes (Ethernet with VLAN/QinQ, GRE, VXLAN, IPv6 extension
// headers; Linux cooked; raw IPv4/IPv6; BSD loopback), a few seconds to minutes long each.
// None is in tshark-compare.spec's table of deliberate differences.
const FILES = [
  '802.1ad_QinQ.pcap',
  'various_gre.pcap',
  'vxlan.pcap',
  'icmpv6.pcap',
  'ipv6-routing-header.pcap',
  'afs.pcap',
  'mptcp-v0.pcap',
  'bgp-4byte-asn.pcap',
  'forces1.pcap',
  'LINKTYPE_RAW_ipv6.pcap',
  'LINKTYPE_IPV4.pcap',
  'dns-badcookie.pcap',
];

function perLabel(peer: PeerPacket[]): Record<string, { bytes: number; packets: number }> {
  const out: Record<string, { bytes: number; packets: number }> = {};
  for (const p of peer) {
    const c = (out[p.label] ??= { bytes: 0, packets: 0 });
    c.packets++;
    c.bytes += p.bytes;
  }
  return out;
}

describe('analyze --json on corpus files compared with tshark', () => {
  // Compiles agent/dist once, so the CLI under test is current.
  beforeAll(() => buildAgent(), 120_000);

  // The portable reader (--backend cap) on every other file, libpcap on the rest.
  FILES.forEach((name, i) => {
    const backend = i % 2 === 0 ? 'native' : 'cap';
    it(`matches tshark's totals and transports on ${name} (${backend})`, async () => {
      const run = await runAnalyzeCli([corpusPath(name), '--json', '--backend', backend]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines.length).toBe(1);
      const report = JSON.parse(lines[0]) as StatsReport;
      const peer = tsharkPackets(corpusPath(name));
      const labels = perLabel(peer);

      expect(validate(statsReportSchema, report, name).ok).toBeTrue();
      expect(report.totals.packets).toBe(peer.length);
      expect(report.totals.bytes).toBe(peer.reduce((n, p) => n + p.bytes, 0));
      for (const transport of TRANSPORT_NAMES) {
        expect(`${transport} ${JSON.stringify(report.transport[transport])}`).toBe(
          `${transport} ${JSON.stringify(labels[transport] ?? { bytes: 0, packets: 0 })}`,
        );
      }
      expect(report.undecodable).toBe(labels['undecodable']?.packets ?? 0);
      expect(report.intervalStart).toBeLessThanOrEqual(report.intervalEnd);
    }, 30_000);
  });

  it('prints a readable summary with transports, applications, flows and talkers', async () => {
    const run = await runAnalyzeCli([corpusPath('mptcp-v0.pcap')]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mptcp-v0\.pcap: 264 packets/);
    expect(run.stdout).toContain('read by libpcap');
    expect(run.stdout).toMatch(/^ {2}TRANSPORT +PACKETS +BYTES +SHARE$/m);
    expect(run.stdout).toMatch(/^ {2}tcp +264 /m);
    expect(run.stdout).toMatch(/^ {2}TOP FLOWS /m);
    expect(run.stdout).toMatch(/^ {2}TOP TALKERS /m);
  }, 30_000);

  it('says in one line when the file cannot be read', async () => {
    const run = await runAnalyzeCli(['/nonexistent/x.pcap']);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      jasmine.stringMatching(/^nta-agent: analyze: .*x\.pcap.*No such file/),
    ]);
  }, 30_000);
});
