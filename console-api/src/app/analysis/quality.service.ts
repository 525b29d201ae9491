import type { HostQualityResponse, QualityPoint, QualitySummary } from '@nta/contracts';
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../infra/database/database.service';
import { HostsService } from '../hosts/hosts.service';
import { rangeAnswer, REPORT_RANGE_SQL, reportRangeParams } from '../hosts/report-range';
import type { ReportRange } from '../hosts/dto/range-query.dto';
import { SourceService } from '../storage/source.service';

// Same bound as the stats history; the summary below always covers the whole range.
const MAX_POINTS = 100_000;

const q = (field: string, type = 'bigint') => `(quality->>'${field}')::${type}`;

// `reports` counts the 1 s reports behind a row (1 on 1 s rows, more on rollups).
const summarySql = (source: string) => `SELECT COALESCE(SUM(reports), 0)::float8 AS reports,
    MIN(${q('coveragePct', 'float8')}) AS "minCoveragePct",
    AVG(${q('coveragePct', 'float8')}) AS "avgCoveragePct",
    COALESCE(SUM(${q('captured')}), 0)::float8 AS captured,
    SUM(${q('interfacePackets')})::float8 AS "interfacePackets",
    SUM(${q('drops')})::float8 AS drops,
    COALESCE(SUM(${q('undecodable')}), 0)::float8 AS undecodable,
    AVG(${q('publishLagMs', 'float8')}) AS "avgPublishLagMs",
    MAX(${q('publishLagMs', 'float8')}) AS "maxPublishLagMs"
  FROM ${source} AS reports WHERE ${REPORT_RANGE_SQL} AND quality IS NOT NULL`;

const reasonsSql = (
  source: string,
) => `SELECT r.key AS reason, SUM(r.value::bigint)::float8 AS count
  FROM ${source} AS reports
    CROSS JOIN LATERAL jsonb_each_text(quality->'undecodableReasons') AS r
  WHERE ${REPORT_RANGE_SQL}
  GROUP BY r.key ORDER BY r.key`;

const pointsSql = (source: string) => `SELECT interface,
    (extract(epoch FROM interval_start) * 1000)::float8 AS "intervalStart",
    (extract(epoch FROM interval_end) * 1000)::float8 AS "intervalEnd", seq::float8 AS seq,
    ${q('captured')}::float8 AS captured, ${q('coveragePct', 'float8')} AS "coveragePct",
    ${q('drops')}::float8 AS drops, ${q('interfacePackets')}::float8 AS "interfacePackets",
    ${q('publishLagMs', 'float8')} AS "publishLagMs", ${q('queued')}::float8 AS queued,
    ${q('undecodable')}::float8 AS undecodable
  FROM ${source} AS reports WHERE ${REPORT_RANGE_SQL} AND quality IS NOT NULL
  ORDER BY interval_start, seq LIMIT ${MAX_POINTS}`;

/** Per-second capture coverage, drops, undecodable frames and publish lag of a host. */
@Injectable()
export class QualityService {
  constructor(
    private readonly database: DatabaseService,
    private readonly hosts: HostsService,
    private readonly sources: SourceService,
  ) {}

  async quality(host: string, range: ReportRange): Promise<HostQualityResponse> {
    await this.hosts.get(host);
    const params = reportRangeParams(host, range);
    const db = this.database.source;
    const from = this.sources.forRange(range.from).sql;
    const [points, summaries, reasons] = await Promise.all([
      db.query<QualityPoint[]>(pointsSql(from), params),
      db.query<Omit<QualitySummary, 'undecodableReasons'>[]>(summarySql(from), params),
      db.query<{ count: number; reason: string }[]>(reasonsSql(from), params),
    ]);
    const undecodableReasons = Object.fromEntries(reasons.map((r) => [r.reason, r.count]));
    return {
      ...rangeAnswer(host, range),
      points,
      summary: { ...summaries[0], undecodableReasons },
    };
  }
}
