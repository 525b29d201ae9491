import type { HostQualityResponse, QualityPoint, QualitySummary } from '@nta/contracts';
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../infra/database/database.service';
import { HostsService } from '../hosts/hosts.service';
import { ReportEntity } from '../hosts/report.entity';
import { rangeAnswer, REPORT_RANGE_SQL, reportRangeParams } from '../hosts/report-range';
import type { ReportRange } from '../hosts/dto/range-query.dto';

// Same bound as the stats history; the summary below always covers the whole range.
const MAX_POINTS = 100_000;

const q = (field: string, type = 'bigint') => `(quality->>'${field}')::${type}`;

const SUMMARY_SQL = `SELECT count(*)::float8 AS reports,
    MIN(${q('coveragePct', 'float8')}) AS "minCoveragePct",
    AVG(${q('coveragePct', 'float8')}) AS "avgCoveragePct",
    COALESCE(SUM(${q('captured')}), 0)::float8 AS captured,
    SUM(${q('interfacePackets')})::float8 AS "interfacePackets",
    SUM(${q('drops')})::float8 AS drops,
    COALESCE(SUM(${q('undecodable')}), 0)::float8 AS undecodable,
    AVG(${q('publishLagMs', 'float8')}) AS "avgPublishLagMs",
    MAX(${q('publishLagMs', 'float8')}) AS "maxPublishLagMs"
  FROM reports WHERE ${REPORT_RANGE_SQL} AND quality IS NOT NULL`;

const REASONS_SQL = `SELECT r.key AS reason, SUM(r.value::bigint)::float8 AS count
  FROM reports CROSS JOIN LATERAL jsonb_each_text(quality->'undecodableReasons') AS r
  WHERE ${REPORT_RANGE_SQL}
  GROUP BY r.key ORDER BY r.key`;

/** Per-second capture coverage, drops, undecodable frames and publish lag of a host. */
@Injectable()
export class QualityService {
  constructor(
    private readonly database: DatabaseService,
    private readonly hosts: HostsService,
  ) {}

  async quality(host: string, range: ReportRange): Promise<HostQualityResponse> {
    await this.hosts.get(host);
    const params = reportRangeParams(host, range);
    const source = this.database.source;
    const [points, summaries, reasons] = await Promise.all([
      this.points(host, range),
      source.query<Omit<QualitySummary, 'undecodableReasons'>[]>(SUMMARY_SQL, params),
      source.query<{ count: number; reason: string }[]>(REASONS_SQL, params),
    ]);
    const undecodableReasons = Object.fromEntries(reasons.map((r) => [r.reason, r.count]));
    return {
      ...rangeAnswer(host, range),
      points,
      summary: { ...summaries[0], undecodableReasons },
    };
  }

  private async points(host: string, range: ReportRange): Promise<QualityPoint[]> {
    const query = this.database
      .repository(ReportEntity)
      .createQueryBuilder('r')
      .select([
        'r.agentId',
        'r.interface',
        'r.intervalEnd',
        'r.intervalStart',
        'r.quality',
        'r.seq',
      ])
      .where('r.agentId = :host AND r.quality IS NOT NULL', { host })
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
    return rows.flatMap((r) => {
      const quality = r.quality;
      if (!quality) return [];
      return [
        {
          captured: quality.captured,
          coveragePct: quality.coveragePct,
          drops: quality.drops,
          interface: r.interface,
          interfacePackets: quality.interfacePackets,
          intervalEnd: r.intervalEnd.getTime(),
          intervalStart: r.intervalStart.getTime(),
          publishLagMs: quality.publishLagMs,
          queued: quality.queued,
          seq: r.seq,
          undecodable: quality.undecodable,
        },
      ];
    });
  }
}
