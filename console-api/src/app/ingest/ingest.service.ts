import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  type AgentTopicKind,
  agentInterfacesSchema,
  agentStatusSchema,
  agentTopic,
  allAgentsTopic,
  commandResultSchema,
  isCleanStatsReport,
  type ReportAck,
  type StatsReport,
  statsReportSchema,
} from '@nta/contracts';
import type { z } from 'zod';
import { BrokerService } from '../../infra/broker/broker.service';
import { DatabaseService } from '../../infra/database/database.service';
import { CommandService } from '../capture/command.service';
import type { StorageConfig } from '../../infra/config/storage-config';
import { HostsService } from '../hosts/hosts.service';
import { ReportsService } from '../hosts/reports.service';
import { LiveGateway } from '../live/live.gateway';
import { SamplesService } from '../packets/samples.service';
import type { MinuteRollup } from '../storage/minute-rollup';
import { StorageMetrics } from '../storage/storage-metrics';
import { FleetWindow } from './fleet-window';
import { IngestStats } from './ingest-stats';
import { type CommittedBatch, ReportBatcher } from './report-batcher';
import { parseAgentMessage } from './parse-agent-message';
import { unstorableReason } from './report-text';

export type LiveSink = Pick<LiveGateway, 'emitHost' | 'emitReport'>;

const DAY_MS = 86_400_000;
const utf8 = new TextDecoder();
// Past this many batches' worth of pending reports per batch slot, deliveries are held (onStats).
const HIGH_WATER_BATCHES = 2;
// Bounds memory (parsed reports are GC work: 20,000 pending starved ingest at 2,500 agents). A held
// agent, let go, brings in what it sent meanwhile, so the mark is overshot; only past four times
// the mark are reports refused, and they stay in the agent's outbox (no ack).
const MAX_PENDING_PER_HIGH_WATER = 4;

/** Turns agent MQTT messages into stored rows, live pushes and command answers. */
@Injectable()
export class IngestService implements OnModuleInit, OnApplicationShutdown {
  readonly fleet = new FleetWindow();
  readonly stats = new IngestStats();
  private readonly batcher: ReportBatcher;
  private readonly logger = new Logger('Ingest');
  // Payload texts the fast check accepted: a batch cuts its JSON columns out of them (batchParams).
  private readonly texts = new WeakMap<StatsReport, string>();
  private subscribed = false;

  constructor(
    private readonly broker: Pick<BrokerService, 'publish' | 'subscribe'>,
    private readonly commands: Pick<CommandService, 'settle'>,
    private readonly database: Pick<DatabaseService, 'onReady'>,
    private readonly hosts: Pick<HostsService, 'applyInterfaces' | 'applyReports' | 'applyStatus'>,
    private readonly live: LiveSink,
    private readonly metrics: StorageMetrics,
    private readonly minutes: Pick<MinuteRollup, 'add'>,
    private readonly reports: Pick<ReportsService, 'insertBatch'>,
    private readonly samples: Pick<SamplesService, 'record'>,
    private readonly storage: StorageConfig,
  ) {
    const highWater = storage.batchRows * storage.inFlight * HIGH_WATER_BATCHES;
    this.batcher = new ReportBatcher(
      {
        batchRows: storage.batchRows,
        flushMs: storage.flushMs,
        highWater,
        inFlight: storage.inFlight,
        maxPending: highWater * MAX_PENDING_PER_HIGH_WATER,
      },
      {
        committed: (c) => this.onCommitted(c),
        failed: (batch, error) => this.onFailed(batch, error),
        store: (batch) => this.reports.insertBatch(batch, this.texts),
      },
    );
  }

  /** Stores what is still waiting (tests, shutdown). */
  flush(): Promise<void> {
    return this.batcher.flush();
  }

  onApplicationShutdown(): Promise<void> {
    return this.batcher.flush();
  }

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

  /**
   * Queues the report for the next batch; it is acked once that batch commits. While too many
   * reports wait for Postgres, the delivery is held with the promise returned, and the broker
   * reads nothing more from that agent until it settles (aedes; mqtt.js holds its PUBACK to an
   * external broker): an overloaded console slows its agents, whose outboxes keep the rest,
   * instead of parsing reports it would have to refuse.
   */
  onStats(topic: string, payload: Uint8Array): Promise<void> | undefined {
    const text = utf8.decode(payload);
    // The fast check spares zod's copy of a clean report; zod still judges anything else.
    const result = parseAgentMessage(statsReportSchema, topic, text, isCleanStatsReport);
    if (!result.ok) {
      this.reject('stats', result.error);
      return;
    }
    const report = result.value;
    const outOfRange = this.outOfRange(report.intervalStart);
    const unfit = unstorableReason(text, report) ?? (outOfRange && `intervalStart: ${outOfRange}`);
    if (unfit) {
      this.reject('stats', `${topic}: ${unfit}`);
      return;
    }
    if (result.text !== undefined) this.texts.set(report, text);
    if (!this.batcher.add(report)) {
      this.reject('stats', `${topic}: ingest queue full (Postgres too slow); the agent resends it`);
    }
    this.metrics.ingestPending = this.batcher.size;
    const room = this.batcher.room();
    if (room) this.metrics.ingestHeldDeliveries++;
    return room;
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

  private onCommitted({ batch, fresh, ms }: CommittedBatch): void {
    const now = Date.now();
    this.metrics.ingestPending = this.batcher.size;
    this.metrics.batchCommitted(fresh.size, batch.length - fresh.size, ms, lagOf(batch, now));
    // Only now are the reports committed; replays are acked too so the agent can forget them.
    const seqs = new Map<string, Set<number>>();
    for (const r of batch) seqs.set(r.agentId, (seqs.get(r.agentId) ?? new Set()).add(r.seq));
    for (const [agentId, list] of seqs) this.ack(agentId, [...list]);
    for (const r of batch) {
      if (!fresh.has(r)) {
        this.stats.duplicate();
        continue;
      }
      this.stats.accepted();
      this.stats.lag(now - r.intervalEnd);
      this.samples.record(r);
      this.fleet.add(r, now);
      this.minutes.add(r);
    }
    if (fresh.size > 0) void this.pushReports([...fresh]);
  }

  private onFailed(batch: StatsReport[], error: Error): void {
    this.metrics.ingestFailedBatches++;
    this.metrics.ingestPending = this.batcher.size;
    // No ack: the agents keep these reports and send them again.
    this.logger.error(`storing ${batch.length} report(s) failed, not acked: ${error.message}`);
  }

  private async pushReports(reports: StatsReport[]): Promise<void> {
    try {
      const hosts = await this.hosts.applyReports(reports);
      for (const r of reports) this.live.emitReport(r);
      for (const h of hosts) this.live.emitHost(h);
    } catch (error) {
      this.logger.warn(`live update after a batch failed: ${(error as Error).message}`);
    }
  }

  private outOfRange(start: number): string | null {
    const now = Date.now();
    if (start > now + DAY_MS) return 'more than a day in the future (check the agent clock)';
    if (start < now - this.storage.retention['1h'] * 1000) return 'older than NTA_RETENTION_1H';
    return null;
  }

  private ack(agentId: string, seqs: number[]): void {
    const ack: ReportAck = { agentId, seqs, ts: Date.now() };
    // A lost ack costs a replay (acked as a duplicate), never a report; so QoS 0, which spares
    // the agent a PUBACK and the broker its bookkeeping for each of them.
    this.broker.publish(agentTopic(agentId, 'ack'), ack, { qos: 0 }).catch((error: Error) => {
      this.logger.warn(`ack to ${agentId} not sent: ${error.message}`);
    });
  }

  private parse<T extends { agentId: string }>(
    kind: AgentTopicKind,
    schema: z.ZodType<T>,
    topic: string,
    payload: Uint8Array,
    clean?: (value: unknown) => value is T,
  ): T | null {
    const result = parseAgentMessage(schema, topic, payload, clean);
    if (result.ok) return result.value;
    this.reject(kind, result.error);
    return null;
  }

  private reject(kind: AgentTopicKind, reason: string): void {
    this.stats.rejected(kind, reason);
    this.logger.warn(`rejected ${reason}`);
  }
}

// Age of the newest report when its batch committed; old replays would say nothing about lag.
function lagOf(batch: StatsReport[], now: number): number {
  const newest = Math.max(...batch.map((r) => r.intervalEnd));
  return Math.max(0, now - newest);
}
