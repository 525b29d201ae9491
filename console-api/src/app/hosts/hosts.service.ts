import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  AgentInterfaces,
  AgentStatus,
  CaptureState,
  HostInterfacesResponse,
  HostSummary,
  InterfaceInfo,
  StatsReport,
} from '@nta/contracts';
import { DomainException } from '../../common/errors/domain.exception';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { HostEntity } from './host.entity';
import { LiveRates } from './live-rates';

/** Host rows (one per agent) and their summaries with the live rate. */
@Injectable()
export class HostsService implements OnModuleInit {
  private readonly rates = new LiveRates();

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
  ) {}

  onModuleInit(): void {
    // A fresh embedded broker knows no session: every agent re-announces itself on reconnect,
    // so "online" rows left by the previous run would otherwise never turn offline.
    if (this.config.broker.mode !== 'embedded') return;
    this.database.onReady(async (ds) => {
      await ds.query('UPDATE hosts SET online = false WHERE online');
    });
  }

  async list(): Promise<HostSummary[]> {
    const hosts = await this.repo().find({ order: { id: 'ASC' } });
    return hosts.map((h) => this.toSummary(h));
  }

  async get(id: string): Promise<HostEntity> {
    const host = await this.repo().findOneBy({ id });
    if (!host) throw DomainException.hostNotFound(id);
    return host;
  }

  async summary(id: string): Promise<HostSummary> {
    return this.toSummary(await this.get(id));
  }

  async interfaces(id: string): Promise<HostInterfacesResponse> {
    const host = await this.get(id);
    return {
      host: host.id,
      interfaces: host.interfaces,
      updatedAt: host.interfacesUpdatedAt?.getTime() ?? null,
    };
  }

  async applyStatus(status: AgentStatus): Promise<HostSummary> {
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

  async applyInterfaces(message: AgentInterfaces): Promise<HostSummary> {
    await this.saveInterfaces(message.agentId, message.interfaces, new Date(message.ts));
    return this.summary(message.agentId);
  }

  async saveInterfaces(id: string, interfaces: InterfaceInfo[], at: Date): Promise<void> {
    await this.repo().upsert({ id, interfaces, interfacesUpdatedAt: at }, ['id']);
  }

  async saveCapture(id: string, capture: CaptureState): Promise<void> {
    await this.repo().update({ id }, { capture });
  }

  /** A report proves the agent is alive; unknown agents get a row so their data is reachable. */
  async applyReport(report: StatsReport): Promise<HostSummary> {
    this.rates.record(report);
    await this.database.source.query(
      `INSERT INTO hosts (id, online, last_seen) VALUES ($1, true, now())
       ON CONFLICT (id) DO UPDATE SET online = true, last_seen = now()`,
      [report.agentId],
    );
    return this.summary(report.agentId);
  }

  private toSummary(host: HostEntity): HostSummary {
    return {
      capture: host.capture,
      hostname: host.hostname,
      id: host.id,
      lastSeen: host.lastSeen?.getTime() ?? null,
      online: host.online,
      rate: this.rates.rate(host.id),
      version: host.version,
    };
  }

  private repo() {
    return this.database.repository(HostEntity);
  }
}
