import { AGENT_ID_PATTERN } from '@nta/contracts';
import { join, resolve } from 'node:path';
import { DEFAULT_NATIVE_BUFFER_BYTES, DEFAULT_NATIVE_SNAP_LENGTH } from '../capture/native-source';
import { type AgentConfig, CONFIG_FILE_ENV, OPTION_SPECS, type OptionSpec } from './agent-config';
import { type CliArgs, isBooleanFlag } from './cli-args';

export class ConfigError extends Error {}

/** Everything the loader reads from the outside world, so specs can pass their own. */
export interface ConfigInputs {
  cli: CliArgs;
  defaultInterface: () => string | null;
  env: NodeJS.ProcessEnv;
  homedir: string;
  hostname: string;
  isRoot: boolean;
  readFile: (path: string) => string;
}

export const DEFAULT_CONSOLE_URL = 'mqtt://127.0.0.1:1883';

/** CLI flags > environment > JSON config file > defaults; the first bad value throws. */
export function loadConfig(inputs: ConfigInputs): AgentConfig {
  const { cli, env } = inputs;
  const fileValues = readConfigFile(inputs);
  const explicit: Partial<Record<keyof AgentConfig, unknown>> = {};
  for (const spec of OPTION_SPECS) {
    const cliValue = isBooleanFlag(spec.flag) ? cli.booleans[spec.flag] : cli.values[spec.flag];
    if (cliValue !== undefined) {
      explicit[spec.key] = parse(spec, cliValue, spec.flag);
    } else if (env[spec.env] !== undefined) {
      explicit[spec.key] = parse(spec, env[spec.env], spec.env);
    } else if (fileValues && Object.hasOwn(fileValues.values, spec.key)) {
      explicit[spec.key] = parse(
        spec,
        fileValues.values[spec.key],
        `${fileValues.path}: ${spec.key}`,
      );
    }
  }
  const config: AgentConfig = {
    ...defaults(inputs, 'interface' in explicit),
    // Each value was parsed by its option's schema, whose output type is the field's type.
    ...(explicit as Partial<AgentConfig>),
  };
  if (config.reconnectMaxMs < config.reconnectMinMs) {
    throw new ConfigError(
      `config: reconnectMaxMs (${config.reconnectMaxMs}) must not be below reconnectMinMs ` +
        `(${config.reconnectMinMs}) (NTA_RECONNECT_MAX_MS / NTA_RECONNECT_MIN_MS)`,
    );
  }
  config.stateDir = resolve(config.stateDir);
  config.explicit = Object.keys(explicit) as (keyof AgentConfig)[];
  return config;
}

function parse(spec: OptionSpec, value: unknown, where: string): unknown {
  const result = spec.schema.safeParse(value);
  if (result.success) return result.data;
  const shown = spec.secret ? '' : ` ${JSON.stringify(value)}`;
  throw new ConfigError(`config: ${where}${shown}: ${result.error.issues[0].message}`);
}

function defaults(inputs: ConfigInputs, interfaceGiven: boolean): AgentConfig {
  return {
    ackTimeoutSeconds: 15,
    agentId: sanitizeAgentId(inputs.hostname),
    autostart: true,
    bufferMb: DEFAULT_NATIVE_BUFFER_BYTES / (1024 * 1024),
    captureBackend: 'auto',
    consoleUrl: DEFAULT_CONSOLE_URL,
    explicit: [],
    filter: null,
    flowIdleSeconds: 60,
    interface: interfaceGiven ? null : inputs.defaultInterface(),
    keepaliveSeconds: 30,
    logLevel: 'info',
    maxFlows: 65_536,
    outboxFsyncMs: 1_000,
    // ~24 KiB a report × 86 400 s: a day of reports at a busy host's typical size.
    outboxMaxMb: 2_048,
    outboxWindow: 50,
    password: null,
    promisc: true,
    reconnectJitter: 0.2,
    reconnectMaxMs: 15_000,
    reconnectMinMs: 1_000,
    reverseDns: false,
    reverseDnsRate: 10,
    samples: 50,
    snapLength: DEFAULT_NATIVE_SNAP_LENGTH,
    stateDir: inputs.isRoot
      ? '/var/lib/nta-agent'
      : join(inputs.homedir, '.local', 'state', 'nta-agent'),
    topFlows: 50,
    topTalkers: 20,
  };
}

/** A hostname made safe for the topic tree: `web 01.example` → `web-01.example`. */
export function sanitizeAgentId(hostname: string): string {
  const id = hostname
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return AGENT_ID_PATTERN.test(id) ? id : 'agent';
}

function readConfigFile(
  inputs: ConfigInputs,
): { path: string; values: Record<string, unknown> } | null {
  const fromFlag = inputs.cli.values['--config'];
  const path = fromFlag ?? inputs.env[CONFIG_FILE_ENV];
  if (path === undefined) return null;
  const where = fromFlag !== undefined ? '--config' : CONFIG_FILE_ENV;
  let text: string;
  try {
    text = inputs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError(`config: ${where}: cannot read ${path} (${code})`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config: ${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new ConfigError(`config: ${path}: expected a JSON object of options`);
  }
  const known = OPTION_SPECS.map((s) => s.key as string);
  // "//key" entries are comments (the documented sample config uses them).
  const unknown = Object.keys(values).find((k) => !k.startsWith('//') && !known.includes(k));
  if (unknown !== undefined) {
    throw new ConfigError(
      `config: ${path}: unknown option "${unknown}" (known: ${known.join(', ')})`,
    );
  }
  return { path, values: values as Record<string, unknown> };
}
