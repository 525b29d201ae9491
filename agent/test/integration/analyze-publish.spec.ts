// Starts: an in-process aedes broker on a free port with an observer client, and the built agent
// CLI (`npm run agent -- analyze FILE --publish`) on a tcpdump corpus file. Checks what the
// console would receive for a capture file dropped in as a host of its own.
import {
  agentInterfacesSchema,
  agentStatusSchema,
  type StatsReport,
  statsReportSchema,
  validate,
} from '@nta/contracts';
import { PcapFileReader } from '../../src/capture/pcap-file';
import { corpusPath } from './corpus/support/corpus-paths';
import { runAnalyzeCli } from './support/analyze-cli';
import { buildAgent } from './support/watch-cli';
import { AGENT_SECRET, startBroker, type TestBroker } from './support/broker';
import { Observer } from './support/observer';

const FILE = 'mptcp-v0.pcap';

// The intervals of the file's own time that hold packets, and its totals.
function expectedFromFile(intervalMs: number): {
  bytes: number;
  intervals: number[];
  packets: number;
} {
  const starts = new Set<number>();
  let bytes = 0;
  let packets = 0;
  for (const r of PcapFileReader.open(corpusPath(FILE)).records()) {
    starts.add(Math.floor(r.tsMs / intervalMs) * intervalMs);
    bytes += r.origLen;
    packets++;
  }
  return { bytes, intervals: [...starts].sort((a, b) => a - b), packets };
}

describe('analyze --publish against a real broker', () => {
  let broker: TestBroker;
  let observer: Observer;
  const agentId = `it-file-${process.pid}`;

  beforeAll(async () => {
    buildAgent();
    broker = await startBroker();
    observer = await Observer.connect(broker.url, agentId);
  }, 120_000);

  afterAll(async () => {
    await observer?.close();
    await broker?.close();
  });

  it('delivers one valid report per interval of the file, then goes offline', async () => {
    const expected = expectedFromFile(2_000);
    const run = await runAnalyzeCli([
      corpusPath(FILE),
      '--publish',
      '--console-url',
      broker.url,
      '--agent-id',
      agentId,
      '--password',
      AGENT_SECRET,
      '--interval-ms',
      '2000',
    ]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${expected.intervals.length} reports`);
    // Every report was acknowledged before the exit, so the observer has them all.
    await observer.waitFor('status', (m) => m.payload.state === 'offline');
    const reports: StatsReport[] = observer.of('stats').map((m) => m.payload);
    expect(reports.length).toBe(expected.intervals.length);
    for (const r of reports) {
      expect(validate(statsReportSchema, r, `seq ${r.seq}`)).toEqual({ ok: true, value: r });
      expect(r.intervalEnd - r.intervalStart).toBe(2_000);
      expect(r.interface).toBe(FILE);
      expect(r.agentId).toBe(agentId);
    }
    expect(reports.map((r) => r.intervalStart)).toEqual(expected.intervals);
    expect(reports.map((r) => r.seq)).toEqual(expected.intervals.map((s) => s / 2_000));
    expect(reports.reduce((n, r) => n + r.totals.packets, 0)).toBe(expected.packets);
    expect(reports.reduce((n, r) => n + r.totals.bytes, 0)).toBe(expected.bytes);

    const statuses = observer.of('status').map((m) => m.payload);
    expect(statuses.map((s) => s.state)).toEqual(['online', 'offline']);
    for (const s of statuses) expect(validate(agentStatusSchema, s, 'status').ok).toBeTrue();
    expect(statuses[0].hostname).toBe(FILE);
    expect(statuses[0].capture).toEqual(
      jasmine.objectContaining({ interface: FILE, running: true }),
    );
    const interfaces = await observer.waitFor('interfaces', () => true);
    expect(validate(agentInterfacesSchema, interfaces.payload, 'interfaces').ok).toBeTrue();
    // A late subscriber sees the retained offline status.
    const late = await Observer.connect(broker.url, agentId);
    const retained = await late.waitFor('status', (m) => m.retain);
    await late.close();
    expect(retained.payload.state).toBe('offline');
  }, 60_000);

  it('repeats the same seqs when the same file is published again', async () => {
    const before = observer.of('stats').map((m) => m.payload.seq);
    const run = await runAnalyzeCli([
      corpusPath(FILE),
      '--publish',
      `--console-url=${broker.url}`,
      `--agent-id=${agentId}`,
      `--password=${AGENT_SECRET}`,
      '--interval-ms=2000',
      '--json',
    ]);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout) as StatsReport).toEqual(
      jasmine.objectContaining({ agentId, interface: FILE }),
    );
    const after = observer
      .of('stats')
      .map((m) => m.payload.seq)
      .slice(before.length);
    expect(after).toEqual(before);
  }, 60_000);

  it('fails in one line when the console refuses the password', async () => {
    const run = await runAnalyzeCli([
      corpusPath(FILE),
      '--publish',
      '--console-url',
      broker.url,
      '--agent-id',
      agentId,
      '--password',
      'wrong',
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^nta-agent: analyze --publish: console rejected agent .*password/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
