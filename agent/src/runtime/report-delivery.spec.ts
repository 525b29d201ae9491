import type { StatsReport } from '@nta/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../common/logger';
import { ReportDelivery } from './report-delivery';

describe(ReportDelivery.name, () => {
  let dir: string;
  let lines: string[];
  let sent: number[];
  let sut: ReportDelivery;
  const report = (seq: number) => ({ agentId: 'host-1', seq }) as StatsReport;
  const ack = (body: object) => sut.onAck(Buffer.from(JSON.stringify(body)));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nta-delivery-spec-'));
    lines = [];
    sent = [];
    sut = new ReportDelivery(
      {
        ackTimeoutSeconds: 15,
        agentId: 'host-1',
        outboxFsyncMs: 1_000,
        outboxMaxMb: 1,
        outboxWindow: 10,
        stateDir: dir,
      },
      createLogger('info', (line) => lines.push(line)),
      (payload) => {
        sent.push((JSON.parse(payload.toString()) as StatsReport).seq);
        return true;
      },
    );
  });

  afterEach(async () => {
    await sut.close();
    rmSync(dir, { force: true, recursive: true });
  });

  it('keeps reports until a valid ack for this agent arrives', () => {
    sut.onConnected();
    [1, 2, 3].forEach((s) => sut.emit(report(s)));

    ack({ agentId: 'host-1', seqs: [1, 3], ts: 5 });

    expect(sent).toEqual([1, 2, 3]);
    expect(sut.stats).toEqual({ evicted: 0, pending: 1 });
  });

  it('counts and logs bad or foreign acks, and acks nothing with them', () => {
    sut.emit(report(1));

    ack({ agentId: 'other', seqs: [1], ts: 5 });
    ack({ agentId: 'host-1', seqs: [], ts: 5 });
    sut.onAck(Buffer.from('{{'));

    expect(sut.stats.pending).toBe(1);
    expect(lines.filter((l) => l.includes('ignored ack')).length).toBe(3);
    expect(lines.find((l) => l.includes('ignored ack #1'))).toContain('agentId is other');
    expect(lines.find((l) => l.includes('ignored ack #3'))).toContain('not JSON');
  });

  it('finds the unacked reports of an earlier run in the same state dir', async () => {
    [7, 8].forEach((s) => sut.emit(report(s)));
    await sut.close();

    sut = new ReportDelivery(
      {
        ackTimeoutSeconds: 15,
        agentId: 'host-1',
        outboxFsyncMs: 1_000,
        outboxMaxMb: 1,
        outboxWindow: 10,
        stateDir: dir,
      },
      createLogger('info', (line) => lines.push(line)),
      (payload) => sent.push((JSON.parse(payload.toString()) as StatsReport).seq) > 0,
    );
    sut.onConnected();

    expect(sent).toEqual([7, 8]);
    expect(lines).toContain(jasmine.stringMatching(/outbox: 2 unacknowledged reports from before/));
    expect(lines).toContain(jasmine.stringMatching(/2 reports made \(seq 7-8\), 2 unacknowledged/));
  });
});
