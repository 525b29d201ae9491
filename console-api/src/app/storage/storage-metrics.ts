import { Injectable } from '@nestjs/common';
import type { Resolution } from '../../infra/config/storage-config';

export interface MetricSample {
  help: string;
  labels?: Record<string, string>;
  name: string;
  type: 'counter' | 'gauge';
  value: number;
}

/**
 * Numbers of ingest batching, rollup and retention, for /metrics (read with samples()) and
 * GET /api/storage. Written only by the storage and ingest code; reading is free.
 */
@Injectable()
export class StorageMetrics {
  ingestBatches = 0;
  ingestDuplicates = 0;
  ingestFailedBatches = 0;
  // Report deliveries held until ingest caught up; their agent's connection went unread meanwhile.
  ingestHeldDeliveries = 0;
  // Milliseconds from a report's interval end to its batch committing (the newest batch).
  ingestLagMs = 0;
  ingestLastBatchMs = 0;
  ingestPending = 0;
  ingestRows = 0;
  partitionsDropped: Record<Resolution, number> = { '1h': 0, '1m': 0, '1s': 0 };
  rollupFailures = 0;
  rollupLastDurationMs = 0;
  rollupMinutesFromMemory = 0;
  rollupRows: Record<'1h' | '1m', number> = { '1h': 0, '1m': 0 };
  rollupRuns = 0;
  rowsDropped: Record<Resolution, number> = { '1h': 0, '1m': 0, '1s': 0 };

  batchCommitted(rows: number, duplicates: number, ms: number, lagMs: number): void {
    this.ingestBatches++;
    this.ingestRows += rows;
    this.ingestDuplicates += duplicates;
    this.ingestLastBatchMs = ms;
    this.ingestLagMs = lagMs;
  }

  samples(): MetricSample[] {
    const per = <K extends string>(
      name: string,
      help: string,
      values: Record<K, number>,
    ): MetricSample[] =>
      (Object.entries(values) as [K, number][]).map(([resolution, value]) => ({
        help,
        labels: { resolution },
        name,
        type: 'counter',
        value,
      }));
    return [
      counter('nta_ingest_batches_total', 'Report batches committed', this.ingestBatches),
      counter('nta_ingest_rows_total', 'Report rows inserted', this.ingestRows),
      counter('nta_ingest_duplicates_total', 'Replayed reports skipped', this.ingestDuplicates),
      counter(
        'nta_ingest_failed_batches_total',
        'Batches Postgres refused',
        this.ingestFailedBatches,
      ),
      counter(
        'nta_ingest_held_deliveries_total',
        'Report deliveries held until ingest caught up (the agent is not read meanwhile)',
        this.ingestHeldDeliveries,
      ),
      gauge('nta_ingest_pending_reports', 'Reports waiting for their batch', this.ingestPending),
      gauge('nta_ingest_lag_ms', 'Interval end to commit, newest batch', this.ingestLagMs),
      gauge('nta_ingest_batch_ms', 'Duration of the newest batch commit', this.ingestLastBatchMs),
      counter('nta_rollup_runs_total', 'Rollup and retention runs', this.rollupRuns),
      counter('nta_rollup_failures_total', 'Rollup runs that failed', this.rollupFailures),
      gauge('nta_rollup_duration_ms', 'Duration of the newest run', this.rollupLastDurationMs),
      ...per('nta_rollup_rows_total', 'Rows written by rollup', this.rollupRows),
      counter(
        'nta_rollup_minutes_from_memory_total',
        '1-minute rows written from ingest memory instead of re-read from 1 s rows',
        this.rollupMinutesFromMemory,
      ),
      ...per(
        'nta_retention_partitions_dropped_total',
        'Partitions dropped',
        this.partitionsDropped,
      ),
      ...per('nta_retention_rows_dropped_total', 'Rows dropped (estimate)', this.rowsDropped),
    ];
  }
}

const counter = (name: string, help: string, value: number): MetricSample => ({
  help,
  name,
  type: 'counter',
  value,
});
const gauge = (name: string, help: string, value: number): MetricSample => ({
  help,
  name,
  type: 'gauge',
  value,
});
