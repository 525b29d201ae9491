// Reads every file of the tcpdump test corpus (../shared/corpus/tcpdump-tests) twice: through
// libpcap (NativeFileReader, pcap_open_offline) and through the agent's own PcapFileReader; runs
// tcpdump (/usr/bin/tcpdump) as the reference for filtered reads.
import { execFileSync } from 'node:child_process';
import { PcapFileReader, type PcapRecord } from '../../src/capture/pcap-file';
import { NativeFileReader } from '../../src/capture/native-file';
import { corpusFiles, corpusPath } from './corpus/support/corpus-paths';
import { requireNativeAddon } from './native-support';

interface Mismatch {
  file: string;
  what: string;
}

// These files hold out-of-range fraction fields that each reader wraps its own way.
const INVALID_TIMESTAMPS = /^timestamp_invalid_/;

// Records tcpdump (the reference libpcap user) keeps from `file` with `filter`.
function tcpdumpCount(file: string, filter: string): number {
  const out = execFileSync('tcpdump', ['-r', file, '-w', '-', filter], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return [...new PcapFileReader(out).records()].length;
}

async function compare(file: string, mismatches: Mismatch[]): Promise<number> {
  const reader = PcapFileReader.open(corpusPath(file));
  const expected: PcapRecord[] = [...reader.records()];
  const linkTypes = new Set(expected.map((r) => r.linkType));
  let at = 0;
  const note = (what: string) => mismatches.length < 20 && mismatches.push({ file, what });
  const summary = await new NativeFileReader().read(corpusPath(file), (b) => {
    for (let i = 0; i < b.count; i++, at++) {
      const want = expected[at];
      if (!want) continue;
      const data = b.buffer.subarray(b.offsets[i], b.offsets[i] + b.caplens[i]);
      // libpcap cuts a record longer than the file's snap length to it; the agent keeps it.
      const wantData = want.caplen > b.snapLength ? want.data.subarray(0, b.snapLength) : want.data;
      if (!data.equals(wantData)) note(`record ${at}: bytes differ`);
      if (b.origLens[i] !== want.origLen) note(`record ${at}: origLen ${b.origLens[i]}`);
      const tsOff = Math.abs(b.tsMs[i] - want.tsMs);
      if (tsOff > 0.0015 && !INVALID_TIMESTAMPS.test(file)) note(`record ${at}: ts ${b.tsMs[i]}`);
    }
  });
  if (summary.packets !== expected.length) {
    note(`libpcap read ${summary.packets} records, PcapFileReader ${expected.length}`);
  }
  if (linkTypes.size === 1 && !linkTypes.has(summary.linkType)) {
    note(`link type ${summary.linkType}, PcapFileReader ${[...linkTypes].join()}`);
  }
  if ((summary.error === null) !== (reader.error === null)) {
    note(`libpcap error "${summary.error}", PcapFileReader "${reader.error}"`);
  }
  return summary.packets;
}

describe(`native file reading (${NativeFileReader.name}) over the tcpdump corpus`, () => {
  beforeAll(() => {
    requireNativeAddon();
  });

  it('reads the same records, link types and cut files as PcapFileReader', async () => {
    const files = corpusFiles();
    const mismatches: Mismatch[] = [];
    let records = 0;
    for (const file of files) records += await compare(file, mismatches);

    expect(files.length).toBeGreaterThan(700);
    expect(records).toBeGreaterThan(9000);
    expect(mismatches).toEqual([]);
    // Every corpus file read twice: seconds on an idle machine, more on a busy one.
  }, 60_000);

  it('applies a BPF filter while reading, as tcpdump does', async () => {
    const file = corpusPath('afs.pcap');
    for (const filter of ['udp', 'udp port 7001', 'not udp', 'tcp']) {
      const summary = await new NativeFileReader({ filter }).read(file, () => undefined);

      expect(summary.packets).withContext(filter).toBe(tcpdumpCount(file, filter));
    }
    expect(tcpdumpCount(file, 'udp')).toBeGreaterThan(500);
  });
});
