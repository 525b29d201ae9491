import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  AgentInterfaces,
  AgentStatus,
  CaptureState,
  HostDetail,
  HostGroup,
  HostInterfacesResponse,
  HostListQuery,
  HostSummary,
  InterfaceInfo,
  Page,
  PageQuery,
  StatsReport,
  UpdateHostRequest,
} from '@nta/contracts';
import { In } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { LiveGateway } from '../live/live.gateway';
import { HostEntity } from './host.entity';
import { hostListFilter, sortAndPage } from './host-list';
import { LiveRates } from './live-rates';

// Tables holding a host's data, deleted with it (store6's rollups join this list at merge).
const HOST_DATA_TABLES = [
  ['alert_events', 'host'],
  ['host_names', 'host_id'],
  ['reports', 'agent_id'],
  ['reports_1h', 'agent_id'],
  ['reports_1m', 'agent_id'],
] as const;

/** Host rows (one per agent) and their details with the live rate. */
@Injectable()
export class HostsService implements OnModuleInit {
  private readonly rates = new LiveRates();

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
    private readonly live: LiveGateway,
  ) {}

  onModuleInit(): void {
    // A fresh embedded broker knows no session: every agent re-announces itself on reconnect,
    // so "online" rows left by the previous run would otherwise never turn offline.
    this.database.onReady(async (ds) => {
      if (this.config.broker.mode === 'embedded') {
        await ds.query('UPDATE hosts SET online = false WHERE online');
      }
      // The live view (fleet event, alerts) starts from the stored hosts.
      this.live.state.seed(await this.list());
    });
  }

  async list(): Promise<HostDetail[]> {
    const hosts = await this.repo().find({ order: { id: 'ASC' } });
    return hosts.map((h) => this.toDetail(h));
  }

  /** GET /api/hosts: stored-column filters in SQL, then sorted by name or live rate. */
  async page(query: HostListQuery): Promise<Page<HostDetail>> {
    const filter = hostListFilter(query);
    const hosts = await this.repo()
      .createQueryBuilder('h')
      .where(filter.where.replace(/\$(\d+)/g, ':p$1'), paramsByName(filter.params))
      .getMany();
    return sortAndPage(
      hosts.map((h) => this.toDetail(h)),
      query,
    );
  }

  async groups(page: PageQuery): Promise<Page<HostGroup>> {
    const rows = await this.database.source.query<(HostGroup & { total: number })[]>(
      `SELECT "group" AS name, count(*)::int AS hosts, count(*) FILTER (WHERE online)::int AS online,
         count(*) OVER ()::int AS total
       FROM hosts WHERE "group" IS NOT NULL GROUP BY "group" ORDER BY "group" LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (await this.countGroups());
    const items = rows.map(({ hosts, name, online }) => ({ hosts, name, online }));
    return { items, limit: page.limit, offset: page.offset, total };
  }

  async update(id: string, patch: UpdateHostRequest): Promise<HostDetail> {
    await this.get(id);
    const changes: Partial<HostEntity> = {};
    if (patch.displayName !== undefined) changes.displayName = patch.displayName;
    if (patch.group !== undefined) changes.group = patch.group;
    // Labels are a set: duplicates collapse, order is kept for display.
    if (patch.labels !== undefined) changes.labels = [...new Set(patch.labels)];
    if (Object.keys(changes).length) await this.repo().update({ id }, changes);
    const detail = await this.summary(id);
    this.live.emitHost(detail);
    return detail;
  }

  /** Deletes the host row and every row of its data; a still-running agent reappears. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.database.source.transaction(async (m) => {
      for (const [table, column] of HOST_DATA_TABLES) {
        await m.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
      }
      await m.query('DELETE FROM hosts WHERE id = $1', [id]);
    });
    this.rates.clear(id);
    this.live.state.remove(id);
  }

  async get(id: string): Promise<HostEntity> {
    const host = await this.repo().findOneBy({ id });
    if (!host) throw DomainException.hostNotFound(id);
    return host;
  }

  async summary(id: string): Promise<HostDetail> {
    return this.toDetail(await this.get(id));
  }

  async interfaces(id: string): Promise<HostInterfacesResponse> {
    const host = await this.get(id);
    return {
      host: host.id,
      interfaces: host.interfaces,
      updatedAt: host.interfacesUpdatedAt?.getTime() ?? null,
    };
  }

  async applyStatus(status: AgentStatus): Promise<HostDetail> {
    if (status.state === 'offline') this.rates.clear(status.agentId);
    await this.repo().upsert(
      {
        capture: status.capture,
        hostname: status.hostname,
        id: status.agentId,
        lastSeen: new Date(status.ts),
        online: status.state === 'online',
        version: status.version,
      },
      ['id'],
    );
    return this.summary(status.agentId);
  }

  async applyInterfaces(message: AgentInterfaces): Promise<HostDetail> {
    await this.saveInterfaces(message.agentId, message.interfaces, new Date(message.ts));
    return this.summary(message.agentId);
  }

  async saveInterfaces(id: string, interfaces: InterfaceInfo[], at: Date): Promise<void> {
    await this.repo().upsert({ id, interfaces, interfacesUpdatedAt: at }, ['id']);
  }

  async saveCapture(id: string, capture: CaptureState): Promise<void> {
    await this.repo().update({ id }, { capture });
  }

  /**
   * Reports prove their agents alive; unknown agents get a row so their data is reachable.
   * One upsert and one read per committed batch, whatever its size; the newest report of each
   * agent sets its coverage.
   */
  async applyReports(reports: StatsReport[]): Promise<HostDetail[]> {
    const latest = new Map<string, StatsReport>();
    for (const r of reports) {
      this.rates.record(r);
      const seen = latest.get(r.agentId);
      if (!seen || r.intervalEnd >= seen.intervalEnd) latest.set(r.agentId, r);
    }
    const ids = [...latest.keys()].sort();
    const coverage = ids.map((id) => latest.get(id)?.quality?.coveragePct ?? null);
    await this.database.source.query(
      `INSERT INTO hosts (id, online, last_seen, coverage_pct)
       SELECT u.id, true, now(), u.coverage FROM unnest($1::text[], $2::float8[]) AS u(id, coverage)
       ON CONFLICT (id) DO UPDATE
         SET online = true, last_seen = now(), coverage_pct = EXCLUDED.coverage_pct`,
      [ids, coverage],
    );
    const hosts = await this.repo().findBy({ id: In(ids) });
    return hosts.map((h) => this.toDetail(h));
  }

  private toDetail(host: HostEntity): HostDetail {
    const summary: HostSummary = {
      capture: host.capture,
      hostname: host.hostname,
      id: host.id,
      lastSeen: host.lastSeen?.getTime() ?? null,
      online: host.online,
      rate: this.rates.rate(host.id),
      version: host.version,
    };
    return {
      ...summary,
      coveragePct: host.coveragePct,
      displayName: host.displayName,
      group: host.group,
      labels: host.labels,
    };
  }

  private async countGroups(): Promise<number> {
    const rows = await this.database.source.query<{ n: number }[]>(
      'SELECT count(DISTINCT "group")::int AS n FROM hosts',
    );
    return rows[0].n;
  }

  private repo() {
    return this.database.repository(HostEntity);
  }
}

function paramsByName(params: unknown[]): Record<string, unknown> {
  return Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]));
}
