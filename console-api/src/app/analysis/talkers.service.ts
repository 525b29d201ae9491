import { Injectable } from '@nestjs/common';
import type { Counters, HostTalkersResponse, TalkerRow } from '@nta/contracts';
import { DatabaseService } from '../../infra/database/database.service';
import { HostNameEntity } from '../hosts/host-name.entity';
import { HostsService } from '../hosts/hosts.service';
import { rangeAnswer, REPORT_RANGE_SQL, reportRangeParams } from '../hosts/report-range';
import type { TopQueryDto } from './dto/top-query.dto';
import { SourceService } from '../storage/source.service';
import { type TalkerSide, TalkerMerger } from './talker-merger';

const big = (field: string) => `COALESCE(SUM((t->>'${field}')::bigint), 0)::float8`;

// $5 is the side ('local' | 'remote'); the name is the newest one a row carried.
const talkerGroupsSql = (source: string) => `SELECT t->>'address' AS address,
    ${big('bytesIn')} AS "bytesIn", ${big('bytesOut')} AS "bytesOut",
    ${big('packetsIn')} AS "packetsIn", ${big('packetsOut')} AS "packetsOut",
    (array_agg(t->>'name' ORDER BY interval_start DESC) FILTER (WHERE t->>'name' IS NOT NULL))[1]
      AS name
  FROM ${source} AS reports CROSS JOIN LATERAL jsonb_array_elements(talkers->$5::text) AS t
  WHERE ${REPORT_RANGE_SQL}
  GROUP BY 1`;

const otherSum = (side: TalkerSide, field: keyof Counters) =>
  `COALESCE(SUM((talkers->'${side}Other'->>'${field}')::bigint), 0)::float8`;

const talkersOtherSql = (source: string) => `SELECT ${otherSum('local', 'bytes')} AS "localBytes",
    ${otherSum('local', 'packets')} AS "localPackets",
    ${otherSum('remote', 'bytes')} AS "remoteBytes",
    ${otherSum('remote', 'packets')} AS "remotePackets"
  FROM ${source} AS reports WHERE ${REPORT_RANGE_SQL}`;

type OtherSums = Record<`${TalkerSide}${'Bytes' | 'Packets'}`, number>;

/** The top local and remote talkers of a host over a range, with their learned names. */
@Injectable()
export class TalkersService {
  constructor(
    private readonly database: DatabaseService,
    private readonly hosts: HostsService,
    private readonly sources: SourceService,
  ) {}

  async talkers(host: string, query: TopQueryDto): Promise<HostTalkersResponse> {
    await this.hosts.get(host);
    const params = reportRangeParams(host, query);
    const source = this.database.source;
    const from = this.sources.forRange(query.from).sql;
    const [local, remote, others] = await Promise.all([
      source.query<TalkerRow[]>(talkerGroupsSql(from), [...params, 'local']),
      source.query<TalkerRow[]>(talkerGroupsSql(from), [...params, 'remote']),
      source.query<OtherSums[]>(talkersOtherSql(from), params),
    ]);
    const merger = new TalkerMerger();
    for (const row of local) merger.add('local', row);
    for (const row of remote) merger.add('remote', row);
    const o = others[0];
    merger.addOther('local', { bytes: o.localBytes, packets: o.localPackets });
    merger.addOther('remote', { bytes: o.remoteBytes, packets: o.remotePackets });
    const names = await this.learnedNames(host, merger.unnamedAddresses());
    return { ...rangeAnswer(host, query), ...merger.top(query.limit, names) };
  }

  private async learnedNames(host: string, addresses: string[]): Promise<Map<string, string>> {
    if (addresses.length === 0) return new Map();
    const rows = await this.database
      .repository(HostNameEntity)
      .createQueryBuilder('n')
      .where('n.hostId = :host AND n.address = ANY(:addresses)', { addresses, host })
      .getMany();
    return new Map(rows.map((r) => [r.address, r.name]));
  }
}
