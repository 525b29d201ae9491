import type { InterfaceInfo, StatsReport } from '@nta/contracts';
import type { Logger } from '../common/logger';
import { readAgentVersion } from '../common/version';
import { MqttSession } from '../publish/mqtt-session';
import { ReportOutbox } from '../publish/report-outbox';
import {
  type AgentIdentity,
  commandResult,
  interfacesMessage,
  offlineStatus,
  onlineStatus,
} from '../publish/payloads';

export interface FilePublishOptions {
  agentId: string;
  consoleUrl: string;
  // The file's name: the host name and interface the console shows.
  fileName: string;
  interface: string;
  log: Logger;
  password: string | null;
  // Give up when the console acknowledges nothing for this long.
  progressTimeoutMs?: number;
  reports: StatsReport[];
}

const PROGRESS_TIMEOUT_MS = 30_000;
const POLL_MS = 50;
const NO_COMMANDS =
  'this host is a capture file published by `nta-agent analyze`; it takes no commands';

/**
 * Sends a file's reports to the console as a host of its own: retained online status (hostname =
 * the file name), every report at QoS 1, then the retained offline status. Resolves once the
 * broker acknowledged every report; rejects with one line when it refuses or stops answering.
 */
export async function publishFileReports(opts: FilePublishOptions): Promise<void> {
  const { agentId, log, reports } = opts;
  const identity: AgentIdentity = {
    agentId,
    hostname: opts.fileName,
    version: readAgentVersion(),
  };
  const startedAt = Date.now();
  const capture = {
    error: null,
    filter: null,
    interface: opts.interface,
    running: true,
    startedAt,
  };
  const pseudoInterface: InterfaceInfo = {
    addresses: [],
    description: `capture file ${opts.fileName}`,
    isDefault: true,
    mac: null,
    mtu: null,
    name: opts.interface,
    up: true,
  };
  let refused: string | null = null;
  // Counted down on each PUBACK: a file's reports need the broker's receipt, not the console's ack.
  let unacked = 0;
  const queue = new ReportOutbox(reports.length + 1);
  for (const report of reports) queue.push(report);
  const session: MqttSession = new MqttSession({
    agentId,
    consoleUrl: opts.consoleUrl,
    log,
    offlineStatus: () => offlineStatus(identity),
    onCommand: (payload) => {
      const id = commandId(payload);
      if (id) session.publish('cmd-result', commandResult(agentId, id, { error: NO_COMMANDS }));
    },
    onConnect: () => {
      session.publishRetained(
        'status',
        onlineStatus(identity, { capture, captures: [capture], outbox: null }),
      );
      session.publishRetained('interfaces', interfacesMessage(agentId, [pseudoInterface]));
      queue.drain((report) => {
        unacked++;
        session.sendReport(JSON.stringify(report), () => unacked--);
      });
    },
    onFailure: (failure) => {
      if (failure.kind === 'rejected') refused = failure.reason;
    },
    password: opts.password,
  });
  session.start();
  const undelivered = () => queue.size + unacked;
  try {
    let left = undelivered();
    let progressAt = Date.now();
    const timeout = opts.progressTimeoutMs ?? PROGRESS_TIMEOUT_MS;
    while (left > 0 || !session.isConnected) {
      if (refused !== null) throw new Error(refused);
      if (Date.now() - progressAt > timeout) {
        throw new Error(
          `console at ${opts.consoleUrl} acknowledged ${reports.length - left} of ` +
            `${reports.length} reports, then nothing for ${timeout / 1000} s`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const now = undelivered();
      if (now < left) progressAt = Date.now();
      left = now;
    }
    log.info(`published ${reports.length} reports of ${opts.fileName} as host ${agentId}`);
  } finally {
    await session.close();
  }
}

function commandId(payload: Buffer): string | null {
  try {
    const id = (JSON.parse(payload.toString()) as { id?: unknown }).id;
    return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
  } catch {
    return null;
  }
}
