import type { HostStatsWithAnalysisResponse, StatsPointWithAnalysis } from '@nta/contracts';
import { Injectable } from '@nestjs/common';
import { emptyTransportCounters, type StatsReport, type TransportCounters } from '@nta/contracts';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../../infra/database/database.service';
import type { ReportRange } from './dto/range-query.dto';
import { ReportEntity } from './report.entity';
import { PartitionService } from '../storage/partition.service';
import { SourceService } from '../storage/source.service';
import { batchParams, insertBatchSql, MAX_ROWS_PER_INSERT, reportKey } from './report-batch-sql';
import { readTransportSums, TRANSPORT_SUM_COLUMNS } from './transport-sums';

// Bounds one answer; a day of one interface at 1 report/s is 86 400 points.
const MAX_POINTS = 100_000;

export interface CaptureTotals {
  bytes: number;
  packets: number;
  transport: TransportCounters;
}

/** Stored reports: idempotent inserts keyed by (agent_id, seq) and the history queries. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly partitions: PartitionService,
    private readonly sources: SourceService,
  ) {}

  /**
   * Stores a batch in one transaction (multi-row INSERTs) and answers which reports were new; the
   * rest were replays of (agentId, seq, intervalStart) already kept. `texts`: payload texts ingest's
   * fast check accepted as written (see batchParams).
   */
  async insertBatch(
    reports: StatsReport[],
    texts?: WeakMap<StatsReport, string>,
  ): Promise<Set<StatsReport>> {
    // The caller passes each (agent, seq, interval) once: a copy in the same batch would count as new.
    if (reports.length === 0) return new Set();
    const days = reports.map((r) => r.intervalStart);
    await this.partitions.ensure('1s', new Date(Math.min(...days)), new Date(Math.max(...days)));
    // One transaction: a report never lands without the names it taught, or the reverse.
    return this.database.source.transaction(async (m) => {
      const stored = new Set<string>();
      for (let i = 0; i < reports.length; i += MAX_ROWS_PER_INSERT) {
        const part = reports.slice(i, i + MAX_ROWS_PER_INSERT);
        const rows = await m.query<{ agentId: string; seq: number; start: number }[]>(
          insertBatchSql(part.length),
          batchParams(part, texts),
        );
        for (const row of rows) stored.add(reportKey(row));
      }
      const fresh = new Set(
        reports.filter((r) => stored.has(reportKey({ ...r, start: r.intervalStart }))),
      );
      await upsertNames(m, [...fresh]);
      return fresh;
    });
  }

  async history(host: string, range: ReportRange): Promise<HostStatsWithAnalysisResponse> {
    const query = this.database
      .repository(ReportEntity)
      .createQueryBuilder('r')
      // Flows and talkers are the heavy columns and have routes of their own.
      .select(
        [
          'agentId',
          'applications',
          'bytes',
          'direction',
          'interface',
          'intervalEnd',
          'intervalStart',
          'packets',
          'quality',
          'seq',
          'transport',
          'undecodable',
        ].map((c) => `r.${c}`),
      )
      .where('r.agentId = :host', { host })
      // Overlap, not containment: the interval holding `from` counts (agents align to seconds).
      .andWhere('r.intervalEnd > :start AND r.intervalStart <= :end', {
        end: new Date(range.to),
        start: new Date(range.from),
      });
    if (range.interface) query.andWhere('r.interface = :iface', { iface: range.interface });
    const rows = await query
      .orderBy('r.intervalStart', 'ASC')
      .addOrderBy('r.seq', 'ASC')
      .limit(MAX_POINTS)
      .getMany();
    const points = rows.map(toPoint);
    const totals = points.reduce(
      (t, p) => ({ bytes: t.bytes + p.bytes, packets: t.packets + p.packets }),
      { bytes: 0, packets: 0 },
    );
    return { from: range.from, host, points, to: range.to, totals };
  }

  /** Sums the reports of one capture: ending after it started, on its interface when known. */
  async captureTotals(host: string, since: number, iface: string | null): Promise<CaptureTotals> {
    const rows = await this.database.source.query<Record<string, number>[]>(
      `SELECT COALESCE(SUM(packets), 0)::float8 AS packets, COALESCE(SUM(bytes), 0)::float8 AS bytes,
         ${TRANSPORT_SUM_COLUMNS}
       FROM ${this.sources.forRange(since).sql} AS reports
       WHERE agent_id = $1 AND interval_end > to_timestamp($2 / 1000.0)
         AND ($3::text IS NULL OR interface = $3)`,
      [host, since, iface],
    );
    const row = rows[0];
    return { bytes: row.bytes, packets: row.packets, transport: readTransportSums(row) };
  }
}

/** The newest answer wins, so a late replay of an old report cannot roll a name back. */
async function upsertNames(m: EntityManager, reports: StatsReport[]): Promise<void> {
  const taught = reports.filter((r) => Object.keys(r.names).length > 0);
  if (taught.length === 0) return;
  // DISTINCT ON: one row per (host, address) or ON CONFLICT would touch a row twice.
  await m.query(
    `INSERT INTO host_names (host_id, address, name, updated_at)
     SELECT DISTINCT ON (n.host, e.key) n.host, e.key, e.value, to_timestamp(n.at / 1000.0)
     FROM jsonb_to_recordset($1::jsonb) AS n(host text, at float8, names jsonb)
       CROSS JOIN LATERAL jsonb_each_text(n.names) AS e
     ORDER BY n.host, e.key, n.at DESC
     ON CONFLICT (host_id, address) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
       WHERE host_names.updated_at <= EXCLUDED.updated_at`,
    [JSON.stringify(taught.map((r) => ({ at: r.intervalEnd, host: r.agentId, names: r.names })))],
  );
}

function toPoint(r: ReportEntity): StatsPointWithAnalysis {
  return {
    applications: r.applications,
    bytes: r.bytes,
    direction: r.direction,
    interface: r.interface,
    intervalEnd: r.intervalEnd.getTime(),
    intervalStart: r.intervalStart.getTime(),
    packets: r.packets,
    quality: r.quality,
    seq: r.seq,
    // Rows stored before sctp/gre/esp existed read those as zero.
    transport: { ...emptyTransportCounters(), ...r.transport },
    undecodable: r.undecodable,
  };
}
