import { Injectable } from '@nestjs/common';
import type { FleetSummary } from '@nta/contracts';
import { DatabaseService } from '../../infra/database/database.service';
import { IngestService } from '../ingest/ingest.service';

const HOST_COUNTS_SQL = `SELECT count(*)::int AS total, (count(*) FILTER (WHERE online))::int AS online,
    (count(*) FILTER (WHERE online AND (capture->>'running')::boolean))::int AS capturing
  FROM hosts`;

/** The fleet at a glance: host counts from Postgres, traffic from ingest's last minute. */
@Injectable()
export class FleetService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ingest: IngestService,
  ) {}

  async summary(now = Date.now()): Promise<FleetSummary> {
    const rows =
      await this.database.source.query<{ capturing: number; online: number; total: number }[]>(
        HOST_COUNTS_SQL,
      );
    const { capturing, online, total } = rows[0];
    const traffic = this.ingest.fleet.read(now);
    return {
      hosts: { capturing, offline: total - online, online, total },
      rate: traffic.rate,
      totals: traffic.totals,
      transport: traffic.transport,
      ts: now,
    };
  }
}
