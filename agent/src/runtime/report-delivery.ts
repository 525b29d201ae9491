import { agentTopic, reportAckSchema, type StatsReport, validateJson } from '@nta/contracts';
import { join } from 'node:path';
import { errorMessage, type Logger } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { ConfigError } from '../config/load-config';
import { DiskOutbox } from '../publish/outbox/disk-outbox';
import { ReportSender } from '../publish/report-sender';

const MIB = 1024 * 1024;
const TICK_MS = 1_000;
const SHUTDOWN_ACK_WAIT_MS = 2_000;

export type DeliveryConfig = Pick<
  AgentConfig,
  'ackTimeoutSeconds' | 'agentId' | 'outboxFsyncMs' | 'outboxMaxMb' | 'outboxWindow' | 'stateDir'
>;

/** Reports from the capture loops to the console: on-disk outbox, sender, the console's acks. */
export class ReportDelivery {
  private firstSeq: number | null = null;
  private writeFailures = 0;
  private invalidAcks = 0;
  private lastSeq: number | null = null;
  private made = 0;
  private readonly outbox: DiskOutbox;
  private readonly sender: ReportSender;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly config: DeliveryConfig,
    private readonly log: Logger,
    private readonly send: (payload: Buffer) => boolean,
  ) {
    const dir = join(config.stateDir, 'outbox');
    try {
      this.outbox = new DiskOutbox({
        dir,
        fsyncMs: config.outboxFsyncMs,
        log,
        maxBytes: config.outboxMaxMb * MIB,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? errorMessage(e);
      throw new ConfigError(
        `outbox: cannot open ${dir} (${code}); set --state-dir / NTA_STATE_DIR to a writable directory`,
      );
    }
    if (this.outbox.pending > 0) {
      log.info(`outbox: ${this.outbox.pending} unacknowledged reports from before the restart`);
    }
    this.sender = new ReportSender({
      ackTimeoutMs: config.ackTimeoutSeconds * 1000,
      outbox: this.outbox,
      send,
      window: config.outboxWindow,
    });
    this.timer = setInterval(() => this.sender.tick(), TICK_MS);
    this.timer.unref();
  }

  get stats(): { evicted: number; pending: number } {
    return { evicted: this.outbox.evicted, pending: this.outbox.pending };
  }

  emit(report: StatsReport): void {
    const payload = Buffer.from(JSON.stringify(report));
    try {
      this.sender.push(report.seq, payload);
    } catch (e) {
      // Disk full or gone: still send it live (unprotected), count it, keep capturing.
      this.writeFailures++;
      if (this.writeFailures === 1 || this.writeFailures % 60 === 0) {
        this.log.error(
          `outbox: cannot store report seq ${report.seq} (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}); ` +
            `${this.writeFailures} reports sent without the disk copy so far`,
        );
      }
      this.send(payload);
      return;
    }
    this.made++;
    this.firstSeq ??= report.seq;
    this.lastSeq = report.seq;
    this.log.debug(`report seq ${report.seq} stored (${this.outbox.pending} unacknowledged)`);
  }

  /** A payload on the ack topic: bad ones are counted and logged, never fatal. */
  onAck(payload: Buffer): void {
    const topic = agentTopic(this.config.agentId, 'ack');
    const parsed = validateJson(reportAckSchema, payload, topic);
    if (!parsed.ok || parsed.value.agentId !== this.config.agentId) {
      this.invalidAcks++;
      const why = parsed.ok ? `${topic}: agentId is ${parsed.value.agentId}` : parsed.error;
      this.log.warn(`ignored ack #${this.invalidAcks}: ${why}`);
      return;
    }
    this.sender.onAck(parsed.value.seqs);
  }

  onConnected(): void {
    this.sender.onConnected();
  }

  onDisconnected(): void {
    this.sender.onDisconnected();
  }

  /** Waits briefly for the last reports' acks, then syncs and closes the outbox. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const deadline = Date.now() + SHUTDOWN_ACK_WAIT_MS;
    while (this.sender.inFlightCount > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { evicted, pending } = this.stats;
    const range = this.firstSeq === null ? '' : ` (seq ${this.firstSeq}-${this.lastSeq})`;
    this.log.info(
      `outbox: ${this.made} reports made${range}, ${pending} unacknowledged kept on disk, ` +
        `${evicted} evicted`,
    );
    this.outbox.close();
  }
}
