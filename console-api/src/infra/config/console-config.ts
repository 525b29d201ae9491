import { DEFAULT_BROKER_PORT, DEFAULT_HTTP_PORT } from '@nta/contracts';
import * as path from 'node:path';
import { z } from 'zod';
import { STORAGE_ENV, type StorageConfig, storageConfig } from './storage-config';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ConsoleConfig {
  adminPassword: string | null;
  adminUsername: string;
  // The MQTT URL enrolled agents are given; null: derived from the URL they enrolled through.
  agentMqttUrl: string | null;
  agentSecret: string | null;
  broker: {
    host: string;
    mode: 'embedded' | 'external';
    password: string | null;
    port: number;
    url: string | null;
    username: string | null;
  };
  databaseUrl: string;
  http: { host: string; port: number };
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  logFormat: LogFormat;
  logLevel: LogLevel;
  loginLimit: { lockoutBaseSeconds: number; maxFailures: number; windowSeconds: number };
  // The console's URL as hosts reach it (install line, bundle); null: taken from each request.
  publicUrl: string | null;
  storage: StorageConfig;
  webDir: string;
}

/** Thrown for a bad setting; the message names the variable and is meant to be printed alone. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

// Relative to this file in src/ and in dist/ alike: <root>/console-api/{src,dist}/infra/config.
export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../../../../console-web/dist/browser');

const TTL_UNITS: Record<string, number> = { '': 1, d: 86_400, h: 3_600, m: 60, s: 1 };

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v));
const duration = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => /^\d+[smhd]?$/.test(v), { message: 'must look like 3600, 90m, 12h or 7d' })
    .transform(toSeconds)
    .refine((v) => v > 0, { message: 'must be positive' });
const port = (fallback: number) =>
  z.coerce.number().int('must be an integer').min(0).max(65_535).default(fallback);

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required (e.g. postgres://user:pass@127.0.0.1:5432/nta)' })
    .trim()
    .min(1, 'is required (e.g. postgres://user:pass@127.0.0.1:5432/nta)')
    .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), {
      message: 'must be a postgres://user:pass@host:port/db URL',
    }),
  NTA_ADMIN_PASSWORD: optionalText,
  NTA_ADMIN_USERNAME: z.string().trim().min(1).max(128).default('admin'),
  NTA_AGENT_MQTT_URL: optionalText.refine((v) => v === null || /^mqtt:\/\/[^/]+$/.test(v), {
    message: 'must be an mqtt://host:port URL',
  }),
  NTA_AGENT_SECRET: optionalText,
  NTA_BROKER_HOST: z.string().trim().min(1).default('0.0.0.0'),
  NTA_BROKER_MODE: z.enum(['embedded', 'external']).default('embedded'),
  NTA_BROKER_PASSWORD: optionalText,
  NTA_BROKER_PORT: port(DEFAULT_BROKER_PORT),
  NTA_BROKER_URL: optionalText.refine((v) => v === null || /^mqtts?:\/\/.+/.test(v), {
    message: 'must be an mqtt://host:port URL',
  }),
  NTA_BROKER_USERNAME: optionalText,
  NTA_HTTP_HOST: z.string().trim().min(1).default('0.0.0.0'),
  NTA_HTTP_PORT: port(DEFAULT_HTTP_PORT),
  NTA_JWT_SECRET: optionalText,
  NTA_JWT_TTL: duration('12h'),
  NTA_LOG_FORMAT: z.enum(LOG_FORMATS).default('json'),
  // `info` is accepted as the common name of Nest's `log` level.
  NTA_LOG_LEVEL: z
    .enum([...LOG_LEVELS, 'info'])
    .default('log')
    .transform((v): LogLevel => (v === 'info' ? 'log' : v)),
  // Failed logins per username + client address within the window before 429s start.
  NTA_LOGIN_LOCKOUT: duration('30s'),
  NTA_LOGIN_MAX_FAILURES: z.coerce.number().int('must be an integer').min(1).max(1000).default(5),
  NTA_LOGIN_WINDOW: duration('15m'),
  NTA_PUBLIC_URL: optionalText.refine((v) => v === null || /^https?:\/\/[^/]+\/?$/.test(v), {
    message: 'must be the http(s)://host:port the agents reach the console at',
  }),
  NTA_WEB_DIR: optionalText,
  ...STORAGE_ENV,
});

/** Pure: builds the console's configuration from an environment map, or throws a ConfigError. */
export function loadConfig(env: Record<string, string | undefined>): ConsoleConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`configuration error: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (e.NTA_BROKER_MODE === 'external' && e.NTA_BROKER_URL === null) {
    throw new ConfigError(
      'configuration error: NTA_BROKER_URL: is required when NTA_BROKER_MODE=external (e.g. mqtt://127.0.0.1:1883)',
    );
  }
  let storage: StorageConfig;
  try {
    storage = storageConfig(e);
  } catch (error) {
    throw new ConfigError(`configuration error: ${(error as Error).message}`);
  }
  return {
    adminPassword: e.NTA_ADMIN_PASSWORD,
    adminUsername: e.NTA_ADMIN_USERNAME,
    agentMqttUrl: e.NTA_AGENT_MQTT_URL,
    agentSecret: e.NTA_AGENT_SECRET,
    broker: {
      host: e.NTA_BROKER_HOST,
      mode: e.NTA_BROKER_MODE,
      password: e.NTA_BROKER_PASSWORD,
      port: e.NTA_BROKER_PORT,
      url: e.NTA_BROKER_URL,
      username: e.NTA_BROKER_USERNAME,
    },
    databaseUrl: e.DATABASE_URL,
    http: { host: e.NTA_HTTP_HOST, port: e.NTA_HTTP_PORT },
    jwtSecret: e.NTA_JWT_SECRET,
    jwtTtlSeconds: e.NTA_JWT_TTL,
    logFormat: e.NTA_LOG_FORMAT,
    logLevel: e.NTA_LOG_LEVEL,
    loginLimit: {
      lockoutBaseSeconds: e.NTA_LOGIN_LOCKOUT,
      maxFailures: e.NTA_LOGIN_MAX_FAILURES,
      windowSeconds: e.NTA_LOGIN_WINDOW,
    },
    publicUrl: e.NTA_PUBLIC_URL === null ? null : e.NTA_PUBLIC_URL.replace(/\/$/, ''),
    storage,
    webDir: e.NTA_WEB_DIR === null ? DEFAULT_WEB_DIR : path.resolve(e.NTA_WEB_DIR),
  };
}

function toSeconds(value: string): number {
  const [, amount, unit] = /^(\d+)([smhd]?)$/.exec(value) ?? ['', '0', ''];
  return Number(amount) * TTL_UNITS[unit];
}

/** The one place that reads process.env. */
export function loadConfigFromProcessEnv(): ConsoleConfig {
  return loadConfig(process.env);
}

/** `postgres://user@host:port/db` — the URL without its password, safe to log. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `${u.protocol}//${user}${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
