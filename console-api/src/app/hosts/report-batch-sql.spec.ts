import { emptyStatsReport, type StatsReport } from '@nta/contracts';
import { batchParams, insertBatchSql, MAX_ROWS_PER_INSERT } from './report-batch-sql';

const report = (): StatsReport => {
  const r = emptyStatsReport({
    agentId: 'a1',
    interface: 'eth0',
    intervalEnd: 1_700_000_001_000,
    intervalStart: 1_700_000_000_000,
    seq: 7,
  });
  r.transport.tcp = { bytes: 600, packets: 2 };
  r.totals = { bytes: 600, packets: 2 };
  return r;
};
const JSON_COLUMNS = 7;

describe(insertBatchSql.name, () => {
  it('numbers 17 parameters a row and stays under Postgres’s 65,535', () => {
    const sql = insertBatchSql(2);
    expect(sql).toContain('$34)');
    expect(sql).not.toContain('$35');
    expect(sql).toContain('to_timestamp($21::float8 / 1000)');
    expect(MAX_ROWS_PER_INSERT * 17).toBeLessThanOrEqual(65_535);
  });
});

describe(batchParams.name, () => {
  it('cuts the JSON columns out of the payload text, as it was sent', () => {
    const r = report();
    const spaced = JSON.stringify(r, null, 1);
    const fromText = batchParams([r], new WeakMap([[r, spaced]]));
    const written = batchParams([r]);

    expect(fromText.length).toBe(17);
    expect(fromText.slice(0, -JSON_COLUMNS)).toEqual(written.slice(0, -JSON_COLUMNS));
    expect(fromText.slice(-JSON_COLUMNS)).not.toEqual(written.slice(-JSON_COLUMNS));
    expect(fromText.slice(-JSON_COLUMNS).map((t) => JSON.parse(String(t)) as unknown)).toEqual(
      written.slice(-JSON_COLUMNS).map((t) => JSON.parse(String(t)) as unknown),
    );
  });

  it('writes out again only a member holding a number written as 5.0 or 1e3', () => {
    const r = report();
    const text = JSON.stringify(r).replace('"tcp":{"bytes":600,', '"tcp":{"bytes":6e2,');
    expect(text).toContain('6e2');
    const params = batchParams([r], new WeakMap([[r, text]]));

    // transport is the first JSON column: written out again; the others are the text's own.
    expect(params[10]).toBe(JSON.stringify(r.transport));
    expect(params.slice(11)).toEqual(batchParams([r]).slice(11));
  });
});
