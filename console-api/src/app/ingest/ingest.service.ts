import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type AgentTopicKind,
  agentInterfacesSchema,
  agentStatusSchema,
  allAgentsTopic,
  commandResultSchema,
  type HostSummary,
  type StatsReport,
  statsReportSchema,
} from '@nta/contracts';
import type { z } from 'zod';
import { BrokerService } from '../../infra/broker/broker.service';
import { DatabaseService } from '../../infra/database/database.service';
import { CommandService } from '../capture/command.service';
import { HostsService } from '../hosts/hosts.service';
import { ReportsService } from '../hosts/reports.service';
import { LiveGateway } from '../live/live.gateway';
import { SamplesService } from '../packets/samples.service';
import { IngestStats } from './ingest-stats';
import { parseAgentMessage } from './parse-agent-message';

export type LiveSink = Pick<LiveGateway, 'emitHost' | 'emitReport'>;

/** Turns agent MQTT messages into stored rows, live pushes and command answers. */
@Injectable()
export class IngestService implements OnModuleInit {
  readonly stats = new IngestStats();
  private readonly logger = new Logger('Ingest');
  private subscribed = false;

  constructor(
    private readonly broker: Pick<BrokerService, 'subscribe'>,
    private readonly commands: Pick<CommandService, 'settle'>,
    private readonly database: Pick<DatabaseService, 'onReady'>,
    private readonly hosts: Pick<HostsService, 'applyInterfaces' | 'applyReport' | 'applyStatus'>,
    private readonly live: LiveSink,
    private readonly reports: Pick<ReportsService, 'insert'>,
    private readonly samples: Pick<SamplesService, 'record'>,
  ) {}

  onModuleInit(): void {
    // Subscribing only once Postgres is there: retained status/interfaces arrive then anyway.
    this.database.onReady(() => this.subscribeAll());
  }

  async subscribeAll(): Promise<void> {
    if (this.subscribed) return;
    this.subscribed = true;
    await this.broker.subscribe(allAgentsTopic('stats'), (t, p) => this.onStats(t, p));
    await this.broker.subscribe(allAgentsTopic('status'), (t, p) => this.onStatus(t, p));
    await this.broker.subscribe(allAgentsTopic('interfaces'), (t, p) => this.onInterfaces(t, p));
    await this.broker.subscribe(allAgentsTopic('cmd-result'), (t, p) => this.onCmdResult(t, p));
  }

  async onStats(topic: string, payload: Uint8Array): Promise<void> {
    const report = this.parse('stats', statsReportSchema, topic, payload);
    if (!report) return;
    if (!(await this.reports.insert(report))) {
      this.stats.duplicate();
      return;
    }
    this.stats.accepted();
    this.samples.record(report);
    this.pushReport(report, await this.hosts.applyReport(report));
  }

  async onStatus(topic: string, payload: Uint8Array): Promise<void> {
    const status = this.parse('status', agentStatusSchema, topic, payload);
    if (!status) return;
    this.stats.accepted();
    this.live.emitHost(await this.hosts.applyStatus(status));
  }

  async onInterfaces(topic: string, payload: Uint8Array): Promise<void> {
    const message = this.parse('interfaces', agentInterfacesSchema, topic, payload);
    if (!message) return;
    this.stats.accepted();
    this.live.emitHost(await this.hosts.applyInterfaces(message));
  }

  onCmdResult(topic: string, payload: Uint8Array): void {
    const result = this.parse('cmd-result', commandResultSchema, topic, payload);
    if (!result) return;
    this.stats.accepted();
    if (!this.commands.settle(result)) {
      this.logger.debug(
        `${topic}: result ${result.id} answers no pending command (late or foreign)`,
      );
    }
  }

  private pushReport(report: StatsReport, host: HostSummary): void {
    this.live.emitReport(report);
    this.live.emitHost(host);
  }

  private parse<T extends { agentId: string }>(
    kind: AgentTopicKind,
    schema: z.ZodType<T>,
    topic: string,
    payload: Uint8Array,
  ): T | null {
    const result = parseAgentMessage(schema, topic, payload);
    if (result.ok) return result.value;
    this.stats.rejected(kind, result.error);
    this.logger.warn(`rejected ${result.error}`);
    return null;
  }
}
