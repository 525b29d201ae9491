import { ConfigError, loadConfig } from './console-config';

const DB = 'postgres://nta:secret@db.local:5433/nta';

describe('storage configuration', () => {
  it('applies the documented defaults', () => {
    const sut = loadConfig({ DATABASE_URL: DB }).storage;

    expect(sut).toEqual({
      batchRows: 500,
      flushMs: 200,
      inFlight: 2,
      retention: { '1h': 365 * 86_400, '1m': 30 * 86_400, '1s': 86_400 },
      rollupDelaySeconds: 10,
      rollupEverySeconds: 60,
      topN: 100,
    });
  });

  it('reads retention in s, m, h or d', () => {
    const sut = loadConfig({
      DATABASE_URL: DB,
      NTA_RETENTION_1H: '2d',
      NTA_RETENTION_1M: '36h',
      NTA_RETENTION_1S: '90m',
    }).storage;

    expect(sut.retention).toEqual({ '1h': 172_800, '1m': 129_600, '1s': 5_400 });
  });

  it('names the variable of a bad or too short duration', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_RETENTION_1S: 'a day' })).toThrowError(
      ConfigError,
      /NTA_RETENTION_1S: must look like/,
    );
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_RETENTION_1S: '1m' })).toThrowError(
      ConfigError,
      /NTA_RETENTION_1S: must be at least 600 s/,
    );
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_INGEST_FLUSH_MS: 'fast' })).toThrowError(
      ConfigError,
      /NTA_INGEST_FLUSH_MS: /,
    );
  });

  it('refuses a coarser resolution kept shorter than the finer one', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: DB, NTA_RETENTION_1M: '2d', NTA_RETENTION_1S: '3d' }),
    ).toThrowError(ConfigError, /NTA_RETENTION_1M: must not be shorter than NTA_RETENTION_1S/);
  });
});
