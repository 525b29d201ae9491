// Starts: a fresh Postgres database with the storage services (no HTTP, no MQTT); the test
// drives partition creation, rollup and retention with chosen clocks.
import { partitionFor } from '../../../src/app/storage/partitions';
import { secondReport, type StorageHarness, startStorage } from '../support/storage-harness';

const DAY = 86_400_000;

describe('partitions and retention', () => {
  let sut: StorageHarness;

  beforeAll(async () => {
    sut = await startStorage({
      NTA_RETENTION_1H: '60d',
      NTA_RETENTION_1M: '2h',
      NTA_RETENTION_1S: '10m',
      NTA_ROLLUP_DELAY: '0',
    });
  }, 30_000);

  afterAll(() => sut?.close(), 30_000);

  const partitionNames = async (table: string) =>
    (
      await sut.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = $1::regclass ORDER BY 1`,
        [table],
      )
    ).map((r) => r.name);

  it('creates today and the next two days ahead, and this month for the rollups', async () => {
    const now = new Date();
    await sut.partitions.ensureAhead(now);

    const days = [0, 1, 2].map((d) => partitionFor('1s', new Date(now.getTime() + d * DAY)).name);
    expect(await partitionNames('reports')).toEqual(jasmine.arrayContaining(days));
    expect(await partitionNames('reports_1m')).toContain(partitionFor('1m', now).name);
    expect(await partitionNames('reports_1h')).toContain(partitionFor('1h', now).name);
  });

  it('creates the partition of an old report on demand', async () => {
    const old = Date.now() - 40 * DAY;
    await sut.reports.insertBatch([secondReport('old', 1, old)]);

    expect(await partitionNames('reports')).toContain(partitionFor('1s', new Date(old)).name);
  });

  it('keeps a partition past retention until its rows are rolled up', async () => {
    const dropped = await sut.retention.apply(new Date());

    expect(dropped['1s'].partitions).toBe(0);
    expect(await partitionNames('reports')).toContain(
      partitionFor('1s', new Date(Date.now() - 40 * DAY)).name,
    );
  });

  it('drops 1 s and 1 min partitions past retention once rolled up, keeping their 1 h rows', async () => {
    const now = new Date();
    const oldDay = partitionFor('1s', new Date(now.getTime() - 40 * DAY)).name;
    const oldMonth = partitionFor('1m', new Date(now.getTime() - 40 * DAY)).name;
    await sut.rollup.roll('1m', now);
    await sut.rollup.roll('1h', now);

    const dropped = await sut.retention.apply(now);

    expect(dropped['1s'].partitions).toBeGreaterThanOrEqual(1);
    expect(dropped['1m'].partitions).toBeGreaterThanOrEqual(1);
    expect(dropped['1h'].partitions).toBe(0);
    expect(await partitionNames('reports')).not.toContain(oldDay);
    expect(await partitionNames('reports_1m')).not.toContain(oldMonth);
    const hours = await sut.query<{ bytes: string }>(
      `SELECT bytes FROM reports_1h WHERE agent_id = 'old'`,
    );
    expect(hours.map((h) => Number(h.bytes))).toEqual([secondReport('old', 1, 0).totals.bytes]);
  });

  it('drops 1 h partitions past their retention too', async () => {
    const later = new Date(Date.now() + 60 * DAY);

    const dropped = await sut.retention.apply(later);

    expect(dropped['1h'].partitions).toBeGreaterThanOrEqual(1);
    expect(await sut.query(`SELECT 1 FROM reports_1h WHERE agent_id = 'old'`)).toEqual([]);
  });
});
