import type { HostStatsWithAnalysisResponse, StatsPointWithAnalysis } from '@nta/contracts';
import { Injectable } from '@nestjs/common';
import { emptyTransportCounters, type StatsReport, type TransportCounters } from '@nta/contracts';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../../infra/database/database.service';
import type { ReportRange } from './dto/range-query.dto';
import { ReportEntity } from './report.entity';
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
  constructor(private readonly database: DatabaseService) {}

  /** True when stored, false when this (agentId, seq) was already there (a replay). */
  insert(report: StatsReport): Promise<boolean> {
    // One transaction: a report never lands without the names it taught, or the reverse.
    return this.database.source.transaction(async (m) => {
      const rows = await m.query<unknown[]>(
        `INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end, packets, bytes,
           transport, undecodable, applications, direction, flows, flows_other, talkers, quality)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), $6, $7, $8, $9,
           $10, $11, $12, $13, $14, $15)
         ON CONFLICT (agent_id, seq) DO NOTHING RETURNING seq`,
        [
          report.agentId,
          report.seq,
          report.interface,
          report.intervalStart,
          report.intervalEnd,
          report.totals.packets,
          report.totals.bytes,
          JSON.stringify(report.transport),
          report.undecodable,
          JSON.stringify(report.applications),
          JSON.stringify(report.direction),
          JSON.stringify(report.flows),
          JSON.stringify(report.flowsOther),
          JSON.stringify(report.talkers),
          JSON.stringify(report.quality),
        ],
      );
      if (rows.length !== 1) return false;
      await upsertNames(m, report);
      return true;
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
       FROM reports
       WHERE agent_id = $1 AND interval_end > to_timestamp($2 / 1000.0)
         AND ($3::text IS NULL OR interface = $3)`,
      [host, since, iface],
    );
    const row = rows[0];
    return { bytes: row.bytes, packets: row.packets, transport: readTransportSums(row) };
  }
}

/** The newest answer wins, so a late replay of an old report cannot roll a name back. */
async function upsertNames(m: EntityManager, report: StatsReport): Promise<void> {
  if (Object.keys(report.names).length === 0) return;
  await m.query(
    `INSERT INTO host_names (host_id, address, name, updated_at)
     SELECT $1, key, value, to_timestamp($3 / 1000.0) FROM jsonb_each_text($2::jsonb)
     ON CONFLICT (host_id, address) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
       WHERE host_names.updated_at <= EXCLUDED.updated_at`,
    [report.agentId, JSON.stringify(report.names), report.intervalEnd],
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
