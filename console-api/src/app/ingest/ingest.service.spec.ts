import {
  type AgentStatus,
  type CommandResult,
  emptyStatsReport,
  type HostSummary,
  type StatsReport,
} from '@nta/contracts';
import { IngestService } from './ingest.service';

const REPORT: StatsReport = {
  ...emptyStatsReport({
    agentId: 'a1',
    interface: 'eth0',
    intervalEnd: 1_700_000_001_000,
    intervalStart: 1_700_000_000_000,
    seq: 1,
  }),
  totals: { bytes: 1500, packets: 3 },
};

const SUMMARY = { id: 'a1' } as HostSummary;

class Fakes {
  emitted: { host: HostSummary[]; report: StatsReport[] } = { host: [], report: [] };
  settled: CommandResult[] = [];
  statuses: AgentStatus[] = [];
  stored = new Set<string>();

  broker = { subscribe: () => Promise.resolve() };
  commands = { settle: (r: CommandResult) => this.settled.push(r) > 0 };
  database = { onReady: () => undefined };
  hosts = {
    applyInterfaces: () => Promise.resolve(SUMMARY),
    applyReport: () => Promise.resolve(SUMMARY),
    applyStatus: (s: AgentStatus) => {
      this.statuses.push(s);
      return Promise.resolve(SUMMARY);
    },
  };
  live = {
    emitHost: (h: HostSummary) => this.emitted.host.push(h),
    emitReport: (r: StatsReport) => this.emitted.report.push(r),
  };
  recorded: StatsReport[] = [];
  samples = { record: (r: StatsReport) => void this.recorded.push(r) };
  reports = {
    insert: (r: StatsReport) => {
      const key = `${r.agentId}/${r.seq}`;
      const fresh = !this.stored.has(key);
      this.stored.add(key);
      return Promise.resolve(fresh);
    },
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe(IngestService.name, () => {
  let fakes: Fakes;
  let sut: IngestService;

  beforeEach(() => {
    fakes = new Fakes();
    sut = new IngestService(
      fakes.broker,
      fakes.commands,
      fakes.database,
      fakes.hosts,
      fakes.live,
      fakes.reports,
      fakes.samples,
    );
    spyOn((sut as unknown as { logger: { warn(m: string): void } }).logger, 'warn').and.stub();
  });

  it('stores a report and pushes it live', async () => {
    await sut.onStats('nta/v1/agents/a1/stats', json(REPORT));

    expect(fakes.stored.has('a1/1')).toBeTrue();
    expect(fakes.emitted.report).toEqual([REPORT]);
    expect(sut.stats.snapshot().accepted).toBe(1);
  });

  it('counts a replayed seq once and does not push it again', async () => {
    await sut.onStats('nta/v1/agents/a1/stats', json(REPORT));
    await sut.onStats('nta/v1/agents/a1/stats', json(REPORT));

    expect(fakes.emitted.report.length).toBe(1);
    expect(fakes.recorded.length).toBe(1);
    expect(sut.stats.snapshot()).toEqual(jasmine.objectContaining({ accepted: 1, duplicates: 1 }));
  });

  it('rejects a payload whose agentId is not the topic agent', async () => {
    await sut.onStats('nta/v1/agents/a2/stats', json(REPORT));

    const counters = sut.stats.snapshot();
    expect(fakes.stored.size).toBe(0);
    expect(counters.rejected).toBe(1);
    expect(counters.rejectedByKind).toEqual({ stats: 1 });
    expect(counters.lastRejection).toBe(
      'nta/v1/agents/a2/stats: agentId: "a1" does not match the topic\'s agent "a2"',
    );
  });

  it('names the topic and field of an invalid payload, then keeps going', async () => {
    const bad = { ...REPORT, totals: { bytes: -1, packets: 3 } };

    await sut.onStats('nta/v1/agents/a1/stats', json(bad));
    await sut.onStats('nta/v1/agents/a1/stats', Buffer.from('{not json'));
    await sut.onStats('nta/v1/agents/a1/stats', json({ ...REPORT, seq: 2 }));

    const counters = sut.stats.snapshot();
    expect(counters.rejected).toBe(2);
    expect(counters.accepted).toBe(1);
    expect(fakes.stored.has('a1/2')).toBeTrue();
  });

  it('rejects a status or cmd-result speaking for another agent', async () => {
    const status: AgentStatus = {
      agentId: 'a1',
      capture: null,
      hostname: 'h',
      state: 'online',
      ts: 1,
      version: '1',
    };
    const result: CommandResult = { agentId: 'a1', error: null, id: 'c1', ok: true, ts: 1 };

    await sut.onStatus('nta/v1/agents/evil/status', json(status));
    sut.onCmdResult('nta/v1/agents/evil/cmd-result', json(result));
    await sut.onStatus('nta/v1/agents/a1/status', json(status));
    sut.onCmdResult('nta/v1/agents/a1/cmd-result', json(result));

    expect(fakes.statuses).toEqual([status]);
    expect(fakes.settled).toEqual([result]);
    expect(sut.stats.snapshot().rejectedByKind).toEqual({ 'cmd-result': 1, status: 1 });
  });
});
