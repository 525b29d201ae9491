import { Injectable } from '@nestjs/common';
import type { TimeseriesQuery, TimeseriesResponse } from '@nta/contracts';
import { DomainException } from '../../common/errors/domain.exception';
import { DatabaseService } from '../../infra/database/database.service';
import { HostsService } from '../hosts/hosts.service';
import { SourceService } from '../storage/source.service';
import { HostGroups } from './host-groups';
import { seriesSql } from './timeseries-sql';

/** A metric over time for a host, a group or the fleet, read at the resolution the range needs. */
@Injectable()
export class TimeseriesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly groups: HostGroups,
    private readonly hosts: HostsService,
    private readonly sources: SourceService,
  ) {}

  async series(q: TimeseriesQuery): Promise<TimeseriesResponse> {
    if (q.host !== undefined && q.group !== undefined) {
      throw new DomainException('BAD_REQUEST', 'host: give either host or group, not both');
    }
    let hosts: string[] | null = null;
    if (q.host !== undefined) {
      await this.hosts.get(q.host);
      hosts = [q.host];
    } else if (q.group !== undefined) {
      hosts = await this.groups.hostIds(q.group);
    }
    const source = this.sources.forSeries(q.from, q.to, q.step);
    const points = await this.database.source.query<{ t: number; value: number }[]>(
      seriesSql(source.sql, q.metric),
      [q.from, q.to, source.step, hosts, q.interface ?? null],
    );
    return {
      from: q.from,
      metric: q.metric,
      points,
      resolution: source.level,
      scope: { group: q.group ?? null, host: q.host ?? null },
      step: source.step,
      to: q.to,
    };
  }
}
