import { hostname } from 'node:os';
import type { CaptureControl } from '../capture/capture-control';
import { CaptureError } from '../capture/capture-error';
import { listInterfaces } from '../capture/interfaces';
import { errorMessage, type Logger } from '../common/logger';
import { readAgentVersion } from '../common/version';
import type { AgentConfig } from '../config/agent-config';
import { StateStore } from '../config/state-store';
import { CommandHandler } from '../control/command-handler';
import { MqttSession } from '../publish/mqtt-session';
import {
  type AgentIdentity,
  interfacesMessage,
  offlineStatus,
  onlineStatus,
} from '../publish/payloads';
import { createAccumulator } from './create-accumulator';
import { createLiveCapture, type LiveCapture } from './live-capture';
import { ReportLoop } from './report-loop';

// One hour of one-per-second reports survives a console outage in memory.
const OUTBOX_CAPACITY = 3600;

/** Wires capture → decode → aggregate → publish, and control, for the `run` command. */
export class AgentRuntime {
  private readonly capture: CaptureControl;
  private readonly live: LiveCapture;
  private readonly identity: AgentIdentity;
  private readonly session: MqttSession;

  constructor(
    private readonly config: AgentConfig,
    private readonly log: Logger,
  ) {
    this.identity = { agentId: config.agentId, hostname: hostname(), version: readAgentVersion() };
    const state = new StateStore(config.stateDir, log);
    const choice = this.initialChoice(state);
    const accumulator = createAccumulator(config);
    const reports = new ReportLoop({
      accumulator,
      agentId: config.agentId,
      drops: () => this.live.takeDrops(),
      emit: (report) => this.session.publishReport(report),
      nextSeq: () => state.nextSeq(),
      queued: () => this.session.queuedReports,
    });
    this.live = createLiveCapture({
      accumulator,
      filter: choice.filter,
      interface: choice.interface,
      listener: reports,
      log,
      settings: config,
    });
    this.capture = this.live.control;
    const commands = new CommandHandler({
      agentId: config.agentId,
      capture: this.capture,
      choices: state,
      listInterfaces: () => this.safeListInterfaces(),
      log,
      publishInterfaces: (list) =>
        this.session.publishRetained('interfaces', interfacesMessage(config.agentId, list)),
      publishStatus: () => this.publishStatus(),
      sendResult: (result) => this.session.publish('cmd-result', result),
    });
    this.session = new MqttSession({
      agentId: config.agentId,
      consoleUrl: config.consoleUrl,
      log,
      offlineStatus: () => offlineStatus(this.identity),
      onCommand: (payload) => commands.handle(payload),
      onConnect: () => {
        this.publishStatus();
        this.session.publishRetained(
          'interfaces',
          interfacesMessage(config.agentId, this.safeListInterfaces()),
        );
      },
      outboxCapacity: OUTBOX_CAPACITY,
      password: config.password,
    });
  }

  start(): void {
    const { agentId, autostart, consoleUrl } = this.config;
    this.log.info(`nta-agent ${this.identity.version ?? '?'} as ${agentId}, console ${consoleUrl}`);
    if (autostart) {
      try {
        this.capture.start();
      } catch (e) {
        // The error is in the status for the console; the agent stays up to take commands.
        if (!(e instanceof CaptureError)) throw e;
        this.log.error(e.message);
      }
    }
    this.session.start();
  }

  /** Stops capturing (reporting the partial second), announces offline, disconnects. */
  async shutdown(reason: string): Promise<void> {
    this.log.info(`${reason}: stopping`);
    this.capture.stop();
    await this.session.close();
    this.log.info('stopped');
  }

  private publishStatus(): void {
    this.session.publishRetained('status', onlineStatus(this.identity, this.capture.state));
  }

  private safeListInterfaces() {
    try {
      return listInterfaces();
    } catch (e) {
      this.log.error(`cannot list interfaces: ${errorMessage(e)}`);
      return [];
    }
  }

  // Explicit configuration wins; otherwise the console's last choice survives a restart.
  private initialChoice(state: StateStore): { filter: string | null; interface: string | null } {
    const { config } = this;
    const saved = state.chosen;
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
