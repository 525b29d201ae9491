import {
  type AgentStatus,
  type CommandResult,
  emptyStatsReport,
  type HostDetail,
  type StatsReport,
} from '@nta/contracts';
import { loadConfig } from '../../infra/config/console-config';
import { MinuteRollup } from '../storage/minute-rollup';
import { StorageMetrics } from '../storage/storage-metrics';
import { IngestService } from './ingest.service';

const REPORT: StatsReport = {
  ...emptyStatsReport({
    agentId: 'a1',
    interface: 'eth0',
    intervalEnd: Date.now(),
    intervalStart: Date.now() - 1000,
    seq: 1,
  }),
  totals: { bytes: 1500, packets: 3 },
};

const SUMMARY = { id: 'a1' } as HostDetail;

class Fakes {
  emitted: { host: HostDetail[]; report: StatsReport[] } = { host: [], report: [] };
  settled: CommandResult[] = [];
  statuses: AgentStatus[] = [];
  stored = new Set<string>();

  acks: { payload: unknown; topic: string }[] = [];
  broker = {
    publish: (topic: string, payload: unknown) => {
      this.acks.push({ payload, topic });
      return Promise.resolve();
    },
    subscribe: () => Promise.resolve(),
  };
  commands = { settle: (r: CommandResult) => this.settled.push(r) > 0 };
  database = { onReady: () => undefined };
  hosts = {
    applyInterfaces: () => Promise.resolve(SUMMARY),
    applyReports: () => Promise.resolve([SUMMARY]),
    applyStatus: (s: AgentStatus) => {
      this.statuses.push(s);
      return Promise.resolve(SUMMARY);
    },
  };
  live = {
    emitHost: (h: HostDetail) => this.emitted.host.push(h),
    emitReport: (r: StatsReport) => this.emitted.report.push(r),
  };
  recorded: StatsReport[] = [];
  samples = { record: (r: StatsReport) => void this.recorded.push(r) };
  reports = {
    insertBatch: (batch: StatsReport[]): Promise<Set<StatsReport>> => {
      const fresh = new Set<StatsReport>();
      for (const r of batch) {
        const key = `${r.agentId}/${r.seq}`;
        if (!this.stored.has(key)) fresh.add(r);
        this.stored.add(key);
      }
      return Promise.resolve(fresh);
    },
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe(IngestService.name, () => {
  let fakes: Fakes;
  let minutes: MinuteRollup;
  let sut: IngestService;

  beforeEach(() => {
    fakes = new Fakes();
    minutes = new MinuteRollup();
    sut = new IngestService(
      fakes.broker,
      fakes.commands,
      fakes.database,
      fakes.hosts,
      fakes.live,
      new StorageMetrics(),
      minutes,
      fakes.reports,
      fakes.samples,
      loadConfig({ DATABASE_URL: 'postgres://x@localhost/nta' }).storage,
    );
    spyOn((sut as unknown as { logger: { warn(m: string): void } }).logger, 'warn').and.stub();
  });

  // Stores what is queued, then lets the live push that follows a commit run.
  // A handful of reports never reaches the high-water mark: nothing is held.
  const deliver = (topic: string, payload: Uint8Array) =>
    expect(sut.onStats(topic, payload)).toBeUndefined();

  const settle = async () => {
    await sut.flush();
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('stores a report and pushes it live', async () => {
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    expect(fakes.stored.size).withContext('batched, not stored yet').toBe(0);
    await settle();

    expect(fakes.stored.has('a1/1')).toBeTrue();
    expect(fakes.emitted.report).toEqual([REPORT]);
    expect(sut.stats.snapshot().accepted).toBe(1);
  });

  it('counts a replayed seq once and does not push it again', async () => {
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    await settle();
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    await settle();

    expect(fakes.emitted.report.length).toBe(1);
    expect(fakes.recorded.length).toBe(1);
    const [minute] = minutes.take(0, Date.now() + 60_000, 10).values();
    expect(minute)
      .withContext('summed into its minute once')
      .toEqual(jasmine.objectContaining({ bytes: 1500, packets: 3, reports: 1 }));
    expect(sut.stats.snapshot()).toEqual(jasmine.objectContaining({ accepted: 1, duplicates: 1 }));
  });

  it('acks a report after storing it, and acks its replay too', async () => {
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    expect(fakes.acks).withContext('no ack before the commit').toEqual([]);
    await settle();
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    await settle();

    expect(fakes.acks.map((a) => a.topic)).toEqual([
      'nta/v1/agents/a1/ack',
      'nta/v1/agents/a1/ack',
    ]);
    expect(fakes.acks[0].payload).toEqual({ agentId: 'a1', seqs: [1], ts: jasmine.any(Number) });
  });

  it('acks a whole batch per agent in one message', async () => {
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    deliver('nta/v1/agents/a1/stats', json({ ...REPORT, seq: 2 }));
    deliver('nta/v1/agents/a1/stats', json(REPORT));
    await settle();

    expect(fakes.acks.map((a) => a.payload)).toEqual([
      { agentId: 'a1', seqs: [1, 2], ts: jasmine.any(Number) },
    ]);
    expect(sut.stats.snapshot()).toEqual(jasmine.objectContaining({ accepted: 2, duplicates: 1 }));
  });

  it('refuses a report from more than a day in the future', async () => {
    const ahead = Date.now() + 2 * 86_400_000;
    deliver(
      'nta/v1/agents/a1/stats',
      json({ ...REPORT, intervalEnd: ahead + 1000, intervalStart: ahead }),
    );
    await settle();

    expect(fakes.stored.size).toBe(0);
    expect(sut.stats.snapshot().lastRejection).toContain('intervalStart: more than a day');
  });

  it('sends no ack when storing fails', async () => {
    fakes.reports.insertBatch = () => Promise.reject(new Error('database down'));

    deliver('nta/v1/agents/a1/stats', json(REPORT));
    await sut.flush();
    expect(fakes.acks).toEqual([]);
  });

  it('rejects a payload whose agentId is not the topic agent', () => {
    deliver('nta/v1/agents/a2/stats', json(REPORT));

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

    deliver('nta/v1/agents/a1/stats', json(bad));
    deliver('nta/v1/agents/a1/stats', Buffer.from('{not json'));
    deliver('nta/v1/agents/a1/stats', json({ ...REPORT, seq: 2 }));
    await settle();

    const counters = sut.stats.snapshot();
    expect(counters.rejected).toBe(2);
    expect(counters.accepted).toBe(1);
    expect(fakes.stored.has('a1/2')).toBeTrue();
  });

  it('rejects a status or cmd-result speaking for another agent', async () => {
    const status: AgentStatus = {
      agentId: 'a1',
      capture: null,
      captures: [],
      hostname: 'h',
      outbox: null,
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
