import { AGENT_ID_PATTERN, DEFAULT_BROKER_PORT } from '@nta/contracts';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../common/logger';
import type { BooleanFlag, ValueFlag } from './cli-args';

export const CAPTURE_BACKENDS = ['auto', 'native', 'cap'] as const;
export type CaptureBackendChoice = (typeof CAPTURE_BACKENDS)[number];

export interface AgentConfig {
  // Resend a report the console has not acknowledged after this many seconds.
  ackTimeoutSeconds: number;
  agentId: string;
  autostart: boolean;
  // Kernel capture ring per capture, in MiB (both backends).
  bufferMb: number;
  // auto: the agent's native batched addon when it is built, else `cap`.
  captureBackend: CaptureBackendChoice;
  consoleUrl: string;
  // Options set by flag, environment or file: these win over choices persisted in the state dir.
  explicit: readonly (keyof AgentConfig)[];
  filter: string | null;
  // Seconds without a packet before a flow is forgotten.
  flowIdleSeconds: number;
  interface: string | null;
  // MQTT keepalive: a silent broken connection (cable cut) is noticed after ~1.5× this.
  keepaliveSeconds: number;
  logLevel: LogLevel;
  // Flows tracked at once; beyond it the idle, then the smallest, are evicted.
  maxFlows: number;
  // How often the outbox segment is fdatasync'ed (0: after every report).
  outboxFsyncMs: number;
  // Disk cap of the unacknowledged reports; beyond it the oldest are evicted (and counted).
  outboxMaxMb: number;
  // Backlog reports in flight at once while draining after an outage.
  outboxWindow: number;
  password: string | null;
  // Promiscuous mode (native backend; `cap` always opens promiscuous).
  promisc: boolean;
  // Reconnect delays: minMs doubling up to maxMs, each ± jitter (a fraction) at random.
  reconnectJitter: number;
  reconnectMaxMs: number;
  reconnectMinMs: number;
  // PTR lookups for unnamed talkers: off by default (sends DNS queries of its own).
  reverseDns: boolean;
  reverseDnsRate: number;
  // Packet samples per report, for the live packet table.
  samples: number;
  // Bytes kept per packet (native backend; `cap` always keeps 65535).
  snapLength: number;
  stateDir: string;
  topFlows: number;
  topTalkers: number;
}

const consoleUrlSchema = z.string().transform((value, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || url.protocol !== 'mqtt:' || !url.hostname || url.pathname.replace('/', '') !== '') {
    ctx.addIssue({ code: 'custom', message: 'expected mqtt://host:port' });
    return z.NEVER;
  }
  return `mqtt://${url.hostname}:${url.port || DEFAULT_BROKER_PORT}`;
});

const booleanText = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => ['true', '1', 'yes'].includes(v)),
]);

// An empty filter means "capture everything", same as no filter.
const filterSchema = z
  .string()
  .max(4096, 'at most 4096 characters')
  .nullable()
  .transform((v) => (v === null || v.trim() === '' ? null : v));

const intIn = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int(`expected a whole number from ${min} to ${max}`)
    .min(min, `expected a whole number from ${min} to ${max}`)
    .max(max, `expected a whole number from ${min} to ${max}`);

const fraction = z.coerce
  .number({ message: 'expected a number from 0 to 1' })
  .min(0, 'expected a number from 0 to 1')
  .max(1, 'expected a number from 0 to 1');

export interface OptionSpec {
  env: string;
  flag: ValueFlag | BooleanFlag;
  key: Exclude<keyof AgentConfig, 'explicit'>;
  schema: z.ZodType<unknown, unknown>;
  secret?: boolean;
}

export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    env: 'NTA_ACK_TIMEOUT_SECONDS',
    flag: '--ack-timeout',
    key: 'ackTimeoutSeconds',
    schema: intIn(1, 3_600),
  },
  {
    env: 'NTA_AGENT_ID',
    flag: '--agent-id',
    key: 'agentId',
    schema: z
      .string()
      .regex(AGENT_ID_PATTERN, 'expected 1-64 of [A-Za-z0-9._-], starting alphanumeric'),
  },
  { env: 'NTA_AUTOSTART', flag: '--no-autostart', key: 'autostart', schema: booleanText },
  {
    env: 'NTA_CAPTURE_BACKEND',
    flag: '--backend',
    key: 'captureBackend',
    schema: z.enum(CAPTURE_BACKENDS, { message: `expected one of ${CAPTURE_BACKENDS.join(', ')}` }),
  },
  { env: 'NTA_BUFFER_MB', flag: '--buffer-size', key: 'bufferMb', schema: intIn(1, 2_048) },
  { env: 'NTA_CONSOLE_URL', flag: '--console-url', key: 'consoleUrl', schema: consoleUrlSchema },
  { env: 'NTA_FILTER', flag: '--filter', key: 'filter', schema: filterSchema },
  {
    env: 'NTA_FLOW_IDLE_SECONDS',
    flag: '--flow-idle',
    key: 'flowIdleSeconds',
    schema: intIn(1, 86_400),
  },
  {
    env: 'NTA_INTERFACE',
    flag: '--interface',
    key: 'interface',
    schema: z.string().regex(/^[^/\s]{1,64}$/, 'expected an interface name such as eth0'),
  },
  {
    env: 'NTA_KEEPALIVE_SECONDS',
    flag: '--keepalive',
    key: 'keepaliveSeconds',
    schema: intIn(1, 3_600),
  },
  {
    env: 'NTA_LOG_LEVEL',
    flag: '--log-level',
    key: 'logLevel',
    schema: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }),
  },
  { env: 'NTA_MAX_FLOWS', flag: '--max-flows', key: 'maxFlows', schema: intIn(1_024, 1_048_576) },
  {
    env: 'NTA_OUTBOX_FSYNC_MS',
    flag: '--outbox-fsync-ms',
    key: 'outboxFsyncMs',
    schema: intIn(0, 60_000),
  },
  {
    env: 'NTA_OUTBOX_MAX_MB',
    flag: '--outbox-max-mb',
    key: 'outboxMaxMb',
    schema: intIn(1, 1_048_576),
  },
  {
    env: 'NTA_OUTBOX_WINDOW',
    flag: '--outbox-window',
    key: 'outboxWindow',
    schema: intIn(1, 10_000),
  },
  {
    env: 'NTA_AGENT_PASSWORD',
    flag: '--password',
    key: 'password',
    schema: z.string().min(1, 'must not be empty').max(1024),
    secret: true,
  },
  { env: 'NTA_PROMISC', flag: '--promisc', key: 'promisc', schema: booleanText },
  {
    env: 'NTA_RECONNECT_JITTER',
    flag: '--reconnect-jitter',
    key: 'reconnectJitter',
    schema: fraction,
  },
  {
    env: 'NTA_RECONNECT_MAX_MS',
    flag: '--reconnect-max-ms',
    key: 'reconnectMaxMs',
    schema: intIn(100, 3_600_000),
  },
  {
    env: 'NTA_RECONNECT_MIN_MS',
    flag: '--reconnect-min-ms',
    key: 'reconnectMinMs',
    schema: intIn(100, 600_000),
  },
  { env: 'NTA_REVERSE_DNS', flag: '--reverse-dns', key: 'reverseDns', schema: booleanText },
  {
    env: 'NTA_REVERSE_DNS_RATE',
    flag: '--reverse-dns-rate',
    key: 'reverseDnsRate',
    schema: intIn(1, 1_000),
  },
  { env: 'NTA_SAMPLES', flag: '--samples', key: 'samples', schema: intIn(0, 200) },
  { env: 'NTA_SNAPLEN', flag: '--snaplen', key: 'snapLength', schema: intIn(64, 262_144) },
  {
    env: 'NTA_STATE_DIR',
    flag: '--state-dir',
    key: 'stateDir',
    schema: z.string().min(1, 'must not be empty'),
  },
  { env: 'NTA_TOP_FLOWS', flag: '--top-flows', key: 'topFlows', schema: intIn(1, 500) },
  { env: 'NTA_TOP_TALKERS', flag: '--top-talkers', key: 'topTalkers', schema: intIn(1, 100) },
];

export const CONFIG_FILE_ENV = 'NTA_AGENT_CONFIG';
