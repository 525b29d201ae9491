import { z } from 'zod';

export type Resolution = '1s' | '1m' | '1h';

export interface StorageConfig {
  // Rows per multi-row INSERT, and the longest a report waits for its batch.
  batchRows: number;
  flushMs: number;
  // Batches stored at the same time, each on its own pooled connection.
  inFlight: number;
  // Seconds each resolution is kept.
  retention: Record<Resolution, number>;
  // How often rollup + retention run, and how long a closed minute waits for late reports.
  rollupDelaySeconds: number;
  rollupEverySeconds: number;
  // Flows and talkers kept per rollup row; the rest go into "others".
  topN: number;
}

const UNITS: Record<string, number> = { '': 1, d: 86_400, h: 3_600, m: 60, s: 1 };

const duration = (fallback: string, minSeconds: number) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => /^\d+[smhd]?$/.test(v), { message: 'must look like 3600, 90m, 24h or 30d' })
    .transform((v) => {
      const [, n, unit] = /^(\d+)([smhd]?)$/.exec(v) ?? ['', '0', ''];
      return Number(n) * UNITS[unit];
    })
    .refine((v) => v >= minSeconds, { message: `must be at least ${minSeconds} s` });

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int('must be an integer').min(min).max(max).default(fallback);

export const STORAGE_ENV = {
  NTA_INGEST_BATCH_ROWS: int(500, 1, 5000),
  NTA_INGEST_FLUSH_MS: int(200, 10, 5000),
  NTA_INGEST_IN_FLIGHT: int(2, 1, 8),
  NTA_RETENTION_1H: duration('365d', 86_400),
  NTA_RETENTION_1M: duration('30d', 7_200),
  NTA_RETENTION_1S: duration('24h', 600),
  NTA_ROLLUP_DELAY: duration('10s', 0),
  NTA_ROLLUP_INTERVAL: duration('60s', 1),
  NTA_ROLLUP_TOP_N: int(100, 1, 1000),
};

type StorageEnv = { [K in keyof typeof STORAGE_ENV]: z.output<(typeof STORAGE_ENV)[K]> };

/** Throws a plain Error naming the variable; loadConfig turns it into a ConfigError. */
export function storageConfig(e: StorageEnv): StorageConfig {
  // A coarser resolution is built from the finer one, so it must outlive it.
  if (e.NTA_RETENTION_1M < e.NTA_RETENTION_1S) {
    throw new Error('NTA_RETENTION_1M: must not be shorter than NTA_RETENTION_1S');
  }
  if (e.NTA_RETENTION_1H < e.NTA_RETENTION_1M) {
    throw new Error('NTA_RETENTION_1H: must not be shorter than NTA_RETENTION_1M');
  }
  return {
    batchRows: e.NTA_INGEST_BATCH_ROWS,
    flushMs: e.NTA_INGEST_FLUSH_MS,
    inFlight: e.NTA_INGEST_IN_FLIGHT,
    retention: { '1h': e.NTA_RETENTION_1H, '1m': e.NTA_RETENTION_1M, '1s': e.NTA_RETENTION_1S },
    rollupDelaySeconds: e.NTA_ROLLUP_DELAY,
    rollupEverySeconds: e.NTA_ROLLUP_INTERVAL,
    topN: e.NTA_ROLLUP_TOP_N,
  };
}
