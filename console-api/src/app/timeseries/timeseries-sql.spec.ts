import { seriesSql } from './timeseries-sql';

describe(seriesSql.name, () => {
  it('sums the metric column per epoch-aligned bucket of the source', () => {
    const sql = seriesSql('(SELECT 1) ', 'bytesIn');

    expect(sql).toContain('SUM(bytes_in)');
    expect(sql).toContain('date_bin(make_interval(secs => $3), interval_start,');
    expect(sql).toContain('FROM (SELECT 1)  AS r');
  });

  it('narrows to the hosts of a host or group ($4) and an interface ($5) only when given', () => {
    const sql = seriesSql('reports', 'packets');

    expect(sql).toContain('($4::text[] IS NULL OR agent_id = ANY($4))');
    expect(sql).toContain('($5::text IS NULL OR interface = $5)');
  });
});
