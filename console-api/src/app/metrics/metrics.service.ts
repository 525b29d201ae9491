import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabaseService } from '../../infra/database/database.service';
import { AlertEngine } from '../alerts/alert-engine.service';
import { AuditService } from '../audit/audit.service';
import { LoginLimiter } from '../auth/login-limiter';
import { IngestService } from '../ingest/ingest.service';
import { LiveGateway } from '../live/live.gateway';
import { StorageMetrics } from '../storage/storage-metrics';
import { HttpMetrics } from './http-metrics';
import { renderSamples } from './render-samples';

// Often enough to see a slow database between scrapes, cheap enough to never matter.
const DB_PROBE_MS = 10_000;

/**
 * The console's Prometheus registry. Values owned by other features (ingest counters, logins,
 * audit failures) are read at scrape time, so those features know nothing about Prometheus.
 */
@Injectable()
export class MetricsService implements OnApplicationShutdown, OnModuleInit {
  // One registry per console (not prom-client's global), so several consoles share a process.
  readonly registry = new Registry();
  readonly http = new HttpMetrics(this.registry);
  private readonly dbPing: Histogram;
  private readonly dbUp: Gauge;
  private probeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly alerts: AlertEngine,
    private readonly audit: AuditService,
    private readonly database: DatabaseService,
    private readonly ingest: IngestService,
    private readonly limiter: LoginLimiter,
    private readonly live: LiveGateway,
    private readonly storage: StorageMetrics,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.dbPing = new Histogram({
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      help: 'Round trip of a SELECT 1 to Postgres, probed every 10 s',
      name: 'nta_db_ping_seconds',
      registers: [this.registry],
    });
    this.dbUp = new Gauge({
      help: '1 when the last Postgres probe answered',
      name: 'nta_db_up',
      registers: [this.registry],
    });
    this.registerIngest();
    this.registerPeople();
  }

  onModuleInit(): void {
    this.database.onReady(() => this.probeDatabase());
    this.probeTimer = setInterval(() => void this.probeDatabase(), DB_PROBE_MS);
    this.probeTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
  }

  async scrape(): Promise<string> {
    const webhooks = this.alerts.webhooks.stats;
    const owned = renderSamples([
      ...this.storage.samples(),
      ...(['delivered', 'failed', 'retried'] as const).map((outcome) => ({
        help: 'Alert webhook deliveries by outcome (retried counts extra attempts)',
        labels: { outcome },
        name: 'nta_alert_webhooks_total',
        type: 'counter' as const,
        value: webhooks[outcome],
      })),
    ]);
    return (await this.registry.metrics()) + owned;
  }

  async probeDatabase(): Promise<void> {
    const started = process.hrtime.bigint();
    const up = await this.database.ping();
    this.dbUp.set(up ? 1 : 0);
    if (up) this.dbPing.observe(Number(process.hrtime.bigint() - started) / 1e9);
  }

  private registerIngest(): void {
    const ingest = this.ingest;
    new Counter({
      collect() {
        const s = ingest.stats.snapshot();
        this.reset();
        this.inc({ result: 'accepted' }, s.accepted);
        this.inc({ result: 'duplicate' }, s.duplicates);
        this.inc({ result: 'rejected' }, s.rejected);
      },
      help: 'Agent MQTT messages by outcome: stored, ignored as a replay, rejected as invalid',
      labelNames: ['result'],
      name: 'nta_ingest_messages_total',
      registers: [this.registry],
    });
    new Counter({
      collect() {
        this.reset();
        for (const [kind, n] of Object.entries(ingest.stats.snapshot().rejectedByKind)) {
          this.inc({ kind }, n ?? 0);
        }
      },
      help: 'Rejected agent messages by topic kind',
      labelNames: ['kind'],
      name: 'nta_ingest_rejected_total',
      registers: [this.registry],
    });
    new Gauge({
      collect() {
        const lag = ingest.stats.snapshot().lastLagMs;
        if (lag !== null) this.set(lag / 1000);
      },
      help: 'Seconds from the end of the newest stored report interval to its storing',
      name: 'nta_ingest_lag_seconds',
      registers: [this.registry],
    });
    const database = this.database;
    new Gauge({
      async collect() {
        if (!database.isReady) return;
        const [row] = await database.source
          .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM hosts WHERE online`)
          .catch(() => [undefined]);
        if (row) this.set(row.n);
      },
      help: 'Agents whose last status said online',
      name: 'nta_agents_connected',
      registers: [this.registry],
    });
  }

  private registerPeople(): void {
    const { audit, limiter, live } = this;
    new Counter({
      collect() {
        this.reset();
        this.inc({ outcome: 'failed' }, limiter.counts.failed);
        this.inc({ outcome: 'rate-limited' }, limiter.counts.limited);
      },
      help: 'Refused logins: wrong credentials, or turned away by the rate limit (429)',
      labelNames: ['outcome'],
      name: 'nta_login_refusals_total',
      registers: [this.registry],
    });
    new Counter({
      collect() {
        this.reset();
        this.inc(audit.failedWrites);
      },
      help: 'Audit entries that could not be written (database down)',
      name: 'nta_audit_write_failures_total',
      registers: [this.registry],
    });
    new Gauge({
      collect() {
        this.set(live.connectedClients);
      },
      help: 'Authenticated socket.io clients',
      name: 'nta_ws_clients',
      registers: [this.registry],
    });
  }
}
