import { Injectable } from '@nestjs/common';
import type { Counters, FlowRow, HostFlowsResponse } from '@nta/contracts';
import { DatabaseService } from '../../infra/database/database.service';
import { HostsService } from '../hosts/hosts.service';
import { rangeAnswer, REPORT_RANGE_SQL, reportRangeParams } from '../hosts/report-range';
import type { TopQueryDto } from './dto/top-query.dto';
import { SourceService } from '../storage/source.service';
import { FlowMerger } from './flow-merger';

const big = (field: string) => `COALESCE(SUM((f->>'${field}')::bigint), 0)::float8`;

// Postgres pre-sums per flow and label, so the merger sees one row per pair, not per second.
const flowGroupsSql = (
  source: string,
) => `SELECT f->>'transport' AS transport, f->>'a' AS a, (f->>'aPort')::int AS "aPort",
    f->>'b' AS b, (f->>'bPort')::int AS "bPort", f->>'tunnel' AS tunnel,
    f->>'application' AS application,
    ${big('bytesAtoB')} AS "bytesAtoB", ${big('bytesBtoA')} AS "bytesBtoA",
    ${big('packetsAtoB')} AS "packetsAtoB", ${big('packetsBtoA')} AS "packetsBtoA",
    MIN((f->>'firstSeen')::float8) AS "firstSeen", MAX((f->>'lastSeen')::float8) AS "lastSeen",
    COALESCE(string_agg(DISTINCT f->>'tcpFlags', ''), '') AS "tcpFlags"
  FROM ${source} AS reports CROSS JOIN LATERAL jsonb_array_elements(flows) AS f
  WHERE ${REPORT_RANGE_SQL}
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

const flowsOtherSql = (source: string) => `SELECT
    COALESCE(SUM((flows_other->>'bytes')::bigint), 0)::float8 AS bytes,
    COALESCE(SUM((flows_other->>'packets')::bigint), 0)::float8 AS packets
  FROM ${source} AS reports WHERE ${REPORT_RANGE_SQL}`;

/** The top flows of a host over a range, merged across the per-second reports. */
@Injectable()
export class FlowsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly hosts: HostsService,
    private readonly sources: SourceService,
  ) {}

  async flows(host: string, query: TopQueryDto): Promise<HostFlowsResponse> {
    await this.hosts.get(host);
    const params = reportRangeParams(host, query);
    const source = this.database.source;
    const from = this.sources.forRange(query.from).sql;
    const [groups, other] = await Promise.all([
      source.query<FlowRow[]>(flowGroupsSql(from), params),
      source.query<Counters[]>(flowsOtherSql(from), params),
    ]);
    const merger = new FlowMerger();
    for (const row of groups) merger.add(row);
    merger.addOther(other[0]);
    return { ...rangeAnswer(host, query), ...merger.top(query.limit) };
  }
}
