import { Injectable } from '@nestjs/common';
import type {
  ApplicationTotal,
  Counters,
  HostApplicationsResponse,
  HostNamesResponse,
  HostTransportsResponse,
} from '@nta/contracts';
import { DatabaseService } from '../../infra/database/database.service';
import type { ReportRange } from '../hosts/dto/range-query.dto';
import { HostNameEntity } from '../hosts/host-name.entity';
import { HostsService } from '../hosts/hosts.service';
import { rangeAnswer, REPORT_RANGE_SQL, reportRangeParams } from '../hosts/report-range';
import { readTransportSums, TRANSPORT_SUM_COLUMNS } from '../hosts/transport-sums';
import { SourceService } from '../storage/source.service';

const applicationsSql = (source: string) => `SELECT a.key AS application,
    SUM((a.value->>'bytes')::bigint)::float8 AS bytes,
    SUM((a.value->>'packets')::bigint)::float8 AS packets
  FROM ${source} AS reports CROSS JOIN LATERAL jsonb_each(applications) AS a
  WHERE ${REPORT_RANGE_SQL}
  GROUP BY a.key ORDER BY bytes DESC, a.key`;

const transportsSql = (source: string) => `SELECT COALESCE(SUM(packets), 0)::float8 AS packets,
    COALESCE(SUM(bytes), 0)::float8 AS bytes, ${TRANSPORT_SUM_COLUMNS}
  FROM ${source} AS reports WHERE ${REPORT_RANGE_SQL}`;

/** Protocol distributions (application, transport) and the learned names of a host. */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly database: DatabaseService,
    private readonly hosts: HostsService,
    private readonly sources: SourceService,
  ) {}

  async applications(host: string, range: ReportRange): Promise<HostApplicationsResponse> {
    await this.hosts.get(host);
    const applications = await this.database.source.query<ApplicationTotal[]>(
      applicationsSql(this.sources.forRange(range.from).sql),
      reportRangeParams(host, range),
    );
    const totals = applications.reduce<Counters>(
      (t, a) => ({ bytes: t.bytes + a.bytes, packets: t.packets + a.packets }),
      { bytes: 0, packets: 0 },
    );
    return { ...rangeAnswer(host, range), applications, totals };
  }

  async transports(host: string, range: ReportRange): Promise<HostTransportsResponse> {
    await this.hosts.get(host);
    const rows = await this.database.source.query<Record<string, number>[]>(
      transportsSql(this.sources.forRange(range.from).sql),
      reportRangeParams(host, range),
    );
    const row = rows[0];
    return {
      ...rangeAnswer(host, range),
      totals: { bytes: row.bytes, packets: row.packets },
      transport: readTransportSums(row),
    };
  }

  async names(host: string): Promise<HostNamesResponse> {
    await this.hosts.get(host);
    const rows = await this.database
      .repository(HostNameEntity)
      .find({ order: { address: 'ASC' }, where: { hostId: host } });
    return { host, names: Object.fromEntries(rows.map((r) => [r.address, r.name])) };
  }
}
