import { StorageMetrics } from './storage-metrics';

describe(StorageMetrics.name, () => {
  it('exposes batch, rollup and retention numbers as labelled samples', () => {
    const sut = new StorageMetrics();
    sut.batchCommitted(480, 20, 35, 410);
    sut.batchCommitted(10, 0, 5, 300);
    sut.rollupRows['1m'] = 7;
    sut.partitionsDropped['1s'] = 1;

    const byName = (name: string, resolution?: string) =>
      sut
        .samples()
        .find((s) => s.name === name && (!resolution || s.labels?.resolution === resolution));

    expect(byName('nta_ingest_rows_total')?.value).toBe(490);
    expect(byName('nta_ingest_duplicates_total')?.value).toBe(20);
    expect(byName('nta_ingest_batches_total')?.value).toBe(2);
    expect(byName('nta_ingest_lag_ms')).toEqual(
      jasmine.objectContaining({ type: 'gauge', value: 300 }),
    );
    expect(byName('nta_rollup_rows_total', '1m')?.value).toBe(7);
    expect(byName('nta_retention_partitions_dropped_total', '1s')?.value).toBe(1);
  });
});
