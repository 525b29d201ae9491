export type StorageResolution = '1s' | '1m' | '1h';

export interface StoragePartition {
  from: number;
  name: string;
  // The planner's estimate (pg_class.reltuples), -1 before Postgres first analysed it.
  rowsEstimate: number;
  to: number;
}

export interface StorageLevel {
  partitions: StoragePartition[];
  resolution: StorageResolution;
  retentionSeconds: number;
  // Rollups only: everything before this (epoch ms) has been rolled up into this resolution.
  rolledUntil: number | null;
}

export interface StorageRun {
  durationMs: number;
  error: string | null;
  partitionsDropped: Record<StorageResolution, number>;
  rowsDropped: Record<StorageResolution, number>;
  rowsRolledUp: Record<'1m' | '1h', number>;
  startedAt: number;
}

/** GET /api/storage: rollup and retention status. */
export interface StorageStatus {
  ingest: {
    batches: number;
    duplicates: number;
    failedBatches: number;
    // Report deliveries held until ingest caught up (the agent is not read meanwhile).
    heldDeliveries: number;
    lagMs: number;
    lastBatchMs: number;
    pending: number;
    rows: number;
  };
  lastRun: StorageRun | null;
  levels: StorageLevel[];
  nextRunAt: number | null;
  totals: {
    partitionsDropped: Record<StorageResolution, number>;
    rowsDropped: Record<StorageResolution, number>;
    rowsRolledUp: Record<'1m' | '1h', number>;
    // 1-minute rows ingest had summed in memory and written as they were (the rest: SQL).
    minutesFromMemory: number;
    runs: number;
  };
}
