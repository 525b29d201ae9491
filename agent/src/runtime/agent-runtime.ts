import { hostname } from 'node:os';
import { CaptureError } from '../capture/capture-error';
import { listInterfaces } from '../capture/interfaces';
import { errorMessage, type Logger } from '../common/logger';
import { readAgentVersion } from '../common/version';
import type { AgentConfig } from '../config/agent-config';
import { type SavedCapture, StateStore } from '../config/state-store';
import { CommandHandler } from '../control/command-handler';
import { MqttSession } from '../publish/mqtt-session';
import {
  type AgentIdentity,
  interfacesMessage,
  offlineStatus,
  onlineStatus,
} from '../publish/payloads';
import { CaptureSet } from './capture-set';
import { ReportDelivery } from './report-delivery';

// The retained status carries the outbox counters; refreshed this often while they change.
const STATUS_REFRESH_MS = 10_000;

/** Wires capture → decode → aggregate → outbox → publish, and control, for the `run` command. */
export class AgentRuntime {
  private readonly captures: CaptureSet;
  private readonly choice: { filter: string | null; interface: string | null };
  private readonly delivery: ReportDelivery;
  private readonly identity: AgentIdentity;
  private lastOutbox = '';
  private readonly session: MqttSession;
  private readonly state: StateStore;
  private statusTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AgentConfig,
    private readonly log: Logger,
  ) {
    this.identity = { agentId: config.agentId, hostname: hostname(), version: readAgentVersion() };
    this.state = new StateStore(config.stateDir, log);
    const choice = this.initialChoice();
    this.choice = choice;
    this.delivery = new ReportDelivery(config, log, (payload) => this.session.sendReport(payload));
    this.captures = new CaptureSet(
      {
        config,
        defaultInterface: choice.interface,
        emit: (report) => this.delivery.emit(report),
        log,
        nextSeq: () => this.state.nextSeq(),
        queued: () => this.delivery.stats.pending,
      },
      choice.filter,
    );
    const commands = new CommandHandler({
      agentId: config.agentId,
      captures: this.captures,
      choices: this.state,
      listInterfaces: () => this.safeListInterfaces(),
      log,
      publishInterfaces: (list) =>
        this.session.publishRetained('interfaces', interfacesMessage(config.agentId, list)),
      publishStatus: () => this.publishStatus(),
      sendResult: (result) => this.session.publish('cmd-result', result),
    });
    this.session = new MqttSession({
      agentId: config.agentId,
      backlog: () => this.delivery.stats.pending,
      backoff: {
        jitter: config.reconnectJitter,
        maxMs: config.reconnectMaxMs,
        minMs: config.reconnectMinMs,
      },
      consoleUrl: config.consoleUrl,
      keepaliveSeconds: config.keepaliveSeconds,
      log,
      offlineStatus: () => offlineStatus(this.identity),
      onAck: (payload) => this.delivery.onAck(payload),
      onCommand: (payload) => commands.handle(payload),
      onConnect: () => {
        this.publishStatus();
        this.session.publishRetained(
          'interfaces',
          interfacesMessage(config.agentId, this.safeListInterfaces()),
        );
        this.delivery.onConnected();
      },
      onDisconnect: () => this.delivery.onDisconnected(),
      password: config.password,
    });
  }

  start(): void {
    const { agentId, autostart, consoleUrl } = this.config;
    this.log.info(`nta-agent ${this.identity.version ?? '?'} as ${agentId}, console ${consoleUrl}`);
    if (autostart) {
      for (const capture of this.capturesToResume()) {
        try {
          this.captures.start(capture.interface, capture.filter);
        } catch (e) {
          // The error is in the status for the console; the agent stays up to take commands.
          if (!(e instanceof CaptureError)) throw e;
          this.log.error(e.message);
        }
      }
    }
    this.session.start();
    this.statusTimer = setInterval(() => this.refreshStatus(), STATUS_REFRESH_MS);
    this.statusTimer.unref();
  }

  /** Stops capturing (reporting the partial second), flushes the outbox, disconnects. */
  async shutdown(reason: string): Promise<void> {
    this.log.info(`${reason}: stopping`);
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.captures.stopAll();
    await this.delivery.close();
    await this.session.close();
    this.log.info('stopped');
  }

  private publishStatus(): void {
    const outbox = this.delivery.stats;
    this.lastOutbox = JSON.stringify(outbox);
    this.session.publishRetained(
      'status',
      onlineStatus(this.identity, {
        capture: this.captures.primary,
        captures: this.captures.states,
        outbox,
      }),
    );
  }

  private refreshStatus(): void {
    if (JSON.stringify(this.delivery.stats) !== this.lastOutbox) this.publishStatus();
  }

  private safeListInterfaces() {
    try {
      return listInterfaces();
    } catch (e) {
      this.log.error(`cannot list interfaces: ${errorMessage(e)}`);
      return [];
    }
  }

  // Configuration naming an interface or filter wins; else the captures the console last chose.
  // Without any interface the start fails with a clear error, kept in the status.
  private capturesToResume(): { filter: string | null; interface?: string }[] {
    const { explicit } = this.config;
    const saved: SavedCapture[] | null = this.state.savedCaptures;
    if (saved !== null && !explicit.includes('interface') && !explicit.includes('filter')) {
      if (saved.length === 0) this.log.info('no capture: the console stopped every capture');
      return saved;
    }
    return [{ filter: this.choice.filter, interface: this.choice.interface ?? undefined }];
  }

  // Explicit configuration wins; otherwise the console's last choice survives a restart.
  private initialChoice(): { filter: string | null; interface: string | null } {
    const { config } = this;
    const saved = this.state.chosen;
    const pick = (key: 'filter' | 'interface') => {
      if (config.explicit.includes(key)) {
        if (saved[key] !== null && saved[key] !== config[key]) {
          this.log.info(
            `${key} "${config[key]}" from configuration overrides saved "${saved[key]}"`,
          );
        }
        return config[key];
      }
      return saved[key] ?? config[key];
    };
    return { filter: pick('filter'), interface: pick('interface') };
  }
}
