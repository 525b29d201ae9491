import { Injectable } from '@nestjs/common';
import type { HostStatsResponse, StatsPoint, StatsReport, TransportCounters } from '@nta/contracts';
import { DatabaseService } from '../../infra/database/database.service';
import { ReportEntity } from './report.entity';

const DEFAULT_WINDOW_MS = 5 * 60_000;
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
  async insert(report: StatsReport): Promise<boolean> {
    const rows = await this.database.source.query<unknown[]>(
      `INSERT INTO reports (agent_id, seq, interface, interval_start, interval_end, packets, bytes,
         transport, undecodable)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), $6, $7, $8, $9)
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
      ],
    );
    return rows.length === 1;
  }

  async history(host: string, from?: number, to?: number): Promise<HostStatsResponse> {
    const end = to ?? Date.now();
    const start = from ?? Math.max(0, end - DEFAULT_WINDOW_MS);
    const rows = await this.database
      .repository(ReportEntity)
      .createQueryBuilder('r')
      .where('r.agentId = :host', { host })
      // Overlap, not containment: the interval holding `from` counts (agents align to seconds).
      .andWhere('r.intervalEnd > :start AND r.intervalStart <= :end', {
        end: new Date(end),
        start: new Date(start),
      })
      .orderBy('r.intervalStart', 'ASC')
      .addOrderBy('r.seq', 'ASC')
      .limit(MAX_POINTS)
      .getMany();
    const points = rows.map(toPoint);
    const totals = points.reduce(
      (t, p) => ({ bytes: t.bytes + p.bytes, packets: t.packets + p.packets }),
      { bytes: 0, packets: 0 },
    );
    return { from: start, host, points, to: end, totals };
  }

  /** Sums the reports of one capture: ending after it started, on its interface when known. */
  async captureTotals(host: string, since: number, iface: string | null): Promise<CaptureTotals> {
    const slot = (name: string, field: string) =>
      `COALESCE(SUM((transport->'${name}'->>'${field}')::bigint), 0)::float8 AS ${name}_${field}`;
    const names = ['tcp', 'udp', 'icmp', 'icmpv6', 'arp', 'other'] as const;
    const rows = await this.database.source.query<Record<string, number>[]>(
      `SELECT COALESCE(SUM(packets), 0)::float8 AS packets, COALESCE(SUM(bytes), 0)::float8 AS bytes,
         ${names.flatMap((n) => [slot(n, 'packets'), slot(n, 'bytes')]).join(', ')}
       FROM reports
       WHERE agent_id = $1 AND interval_end > to_timestamp($2 / 1000.0)
         AND ($3::text IS NULL OR interface = $3)`,
      [host, since, iface],
    );
    const row = rows[0];
    const transport = Object.fromEntries(
      names.map((n) => [n, { bytes: row[`${n}_bytes`], packets: row[`${n}_packets`] }]),
    ) as unknown as TransportCounters;
    return { bytes: row.bytes, packets: row.packets, transport };
  }
}

function toPoint(r: ReportEntity): StatsPoint {
  return {
    bytes: r.bytes,
    interface: r.interface,
    intervalEnd: r.intervalEnd.getTime(),
    intervalStart: r.intervalStart.getTime(),
    packets: r.packets,
    seq: r.seq,
    transport: r.transport,
    undecodable: r.undecodable,
  };
}
