// In-process: analyses tcpdump corpus files through libpcap (the native addon's offline batches)
// and through the fallback PcapFileReader batches; both must give the same reports.
import { readCaptureFile } from '../../src/capture/capture-file';
import { parseCliArgs } from '../../src/config/cli-args';
import { loadConfig } from '../../src/config/load-config';
import { analyzeFile, type FileAnalysisOptions } from '../../src/runtime/file-analysis';
import { corpusPath } from './corpus/support/corpus-paths';
import { requireNativeAddon } from './native-support';

const FILES = ['afs.pcap', 'vxlan.pcap', 'forces1.pcap', 'dns-badcookie.pcap', 'mptcp-v0.pcap'];

const config = loadConfig({
  cli: parseCliArgs(['analyze', 'x.pcap']),
  defaultInterface: () => null,
  env: {},
  homedir: '/tmp',
  hostname: 'it',
  isRoot: false,
  readFile: () => '',
});

describe(`${analyzeFile.name} with either file reader`, () => {
  beforeAll(() => {
    requireNativeAddon();
  });

  for (const name of FILES) {
    it(`gives the same reports through libpcap and PcapFileReader on ${name}`, async () => {
      const opts: FileAnalysisOptions = {
        agentId: 'it',
        config,
        interface: name,
        intervalMs: 1_000,
        intervals: true,
      };
      const native = await analyzeFile(corpusPath(name), opts);
      const fallback = await analyzeFile(corpusPath(name), {
        ...opts,
        availability: () => ({ available: false, reason: 'not built (spec)' }),
      });

      expect(native.file.reader).toBe('libpcap');
      expect(fallback.file.reader).toBe('pcap-file');
      expect(fallback.file.packets).toBe(native.file.packets);
      expect(fallback.summary).toEqual(native.summary);
      expect(fallback.intervals).toEqual(native.intervals);
      expect(native.intervals.length).toBeGreaterThan(0);
    });
  }

  it('refuses a filter without the addon instead of ignoring it', async () => {
    await expectAsync(
      readCaptureFile(corpusPath('afs.pcap'), () => undefined, {
        availability: () => ({ available: false, reason: 'not built (spec)' }),
        backend: 'auto',
        filter: 'udp',
      }),
    ).toBeRejectedWithError(/a filter on a capture file needs the native addon/);
  });

  it('applies a filter through libpcap', async () => {
    const udp = await analyzeFile(corpusPath('afs.pcap'), {
      agentId: 'it',
      config: { ...config, filter: 'udp' },
      interface: 'afs.pcap',
      intervalMs: 1_000,
      intervals: false,
    });

    expect(udp.summary.totals.packets).toBeGreaterThan(0);
    expect(udp.summary.transport.udp.packets).toBe(udp.summary.totals.packets);
  });
});
