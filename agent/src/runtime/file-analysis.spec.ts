import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs } from '../config/cli-args';
import { loadConfig } from '../config/load-config';
import { ETHERTYPE_IPV4 } from '../decode/network';
import { ethernet, ipv4, udpHeader } from '../decode/testdata/frames';
import { analyzeFile, type FileAnalysisOptions } from './file-analysis';

// A classic little-endian microsecond pcap of Ethernet frames at the given times (ms).
function pcap(packets: { frame: Buffer; tsMs: number }[]): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const records = packets.map(({ frame, tsMs }) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(Math.floor(tsMs / 1000), 0);
    r.writeUInt32LE(Math.round((tsMs % 1000) * 1000), 4);
    r.writeUInt32LE(frame.length, 8);
    r.writeUInt32LE(frame.length, 12);
    return Buffer.concat([r, frame]);
  });
  return Buffer.concat([header, ...records]);
}

describe(analyzeFile.name, () => {
  const udp = ethernet(ETHERTYPE_IPV4, ipv4(17, udpHeader(10)));
  let dir: string;
  const opts: FileAnalysisOptions = {
    agentId: 'file-1',
    // The agent's own reader, so the spec does not depend on the addon.
    availability: () => ({ available: false, reason: 'spec' }),
    config: loadConfig({
      cli: parseCliArgs(['analyze', 'x.pcap']),
      defaultInterface: () => null,
      env: {},
      homedir: '/tmp',
      hostname: 'spec',
      isRoot: false,
      readFile: () => '',
    }),
    interface: 'x.pcap',
    intervalMs: 1_000,
    intervals: true,
  };
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nta-analyze-'))));
  afterEach(() => rmSync(dir, { force: true, recursive: true }));

  it("reports the intervals of the file's own time that hold packets, numbered by their start", async () => {
    const times = [1_700_000_000_100.5, 1_700_000_000_900, 1_700_000_003_500, 1_700_000_003_999];
    const path = write('x.pcap', pcap(times.map((tsMs) => ({ frame: udp, tsMs }))));

    const sut = await analyzeFile(path, opts);

    expect(
      sut.intervals.map((r) => [r.intervalStart, r.intervalEnd, r.seq, r.totals.packets]),
    ).toEqual([
      [1_700_000_000_000, 1_700_000_001_000, 1_700_000_000, 2],
      [1_700_000_003_000, 1_700_000_004_000, 1_700_000_003, 2],
    ]);
    expect(sut.summary).toEqual(
      jasmine.objectContaining({
        agentId: 'file-1',
        interface: 'x.pcap',
        intervalEnd: 1_700_000_003_999,
        intervalStart: 1_700_000_000_100,
        totals: { bytes: 4 * udp.length, packets: 4 },
      }),
    );
    expect(sut.summary.flows[0]).toEqual(
      jasmine.objectContaining({ firstSeen: times[0], lastSeen: times[3], packetsAtoB: 4 }),
    );
    expect(sut.summary.quality.drops).toBeNull();
  });

  it('keeps report times positive for packets stamped 0, and reports an empty file as empty', async () => {
    const zero = await analyzeFile(write('zero.pcap', pcap([{ frame: udp, tsMs: 0 }])), opts);
    const empty = await analyzeFile(write('empty.pcap', pcap([])), opts);

    expect(zero.intervals.map((r) => [r.intervalStart, r.seq])).toEqual([[1, 0]]);
    expect(zero.summary.intervalStart).toBeGreaterThan(0);
    expect(empty.intervals).toEqual([]);
    expect(empty.summary.totals.packets).toBe(0);
    expect(empty.summary.intervalStart).toBe(empty.summary.intervalEnd);
  });

  it('keeps the packets before a cut and says where the file broke', async () => {
    const whole = pcap([1_000, 2_000].map((tsMs) => ({ frame: udp, tsMs })));
    const path = write('cut.pcap', whole.subarray(0, whole.length - 5));

    const sut = await analyzeFile(path, opts);

    expect(sut.summary.totals.packets).toBe(1);
    expect(sut.file.error).toMatch(/record data truncated at byte \d+/);
  });
});
