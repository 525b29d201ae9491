import { levelForRange, planSeries, sourceSql } from './resolution';

const RETENTION = { '1h': 365 * 86_400, '1m': 30 * 86_400, '1s': 86_400 };
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(levelForRange.name, () => {
  it('reads 1 s rows within their retention, then 1 min, then 1 h', () => {
    expect(levelForRange(NOW - 23 * HOUR, NOW, RETENTION)).toBe('1s');
    expect(levelForRange(NOW - 2 * DAY, NOW, RETENTION)).toBe('1m');
    expect(levelForRange(NOW - 31 * DAY, NOW, RETENTION)).toBe('1h');
    expect(levelForRange(NOW - 400 * DAY, NOW, RETENTION)).toBe('1h');
  });
});

describe(planSeries.name, () => {
  it('reads the coarsest resolution that divides the asked step', () => {
    expect(planSeries(NOW - DAY, NOW, 60, NOW, RETENTION)).toEqual({ level: '1m', step: 60 });
    expect(planSeries(NOW - DAY, NOW, 3600, NOW, RETENTION)).toEqual({ level: '1h', step: 3600 });
    expect(planSeries(NOW - HOUR, NOW, 10, NOW, RETENTION)).toEqual({ level: '1s', step: 10 });
    expect(planSeries(NOW - DAY, NOW, 90, NOW, RETENTION)).toEqual({ level: '1s', step: 90 });
  });

  it('rounds the step up when the range is older than the finer rows', () => {
    expect(planSeries(NOW - 2 * DAY, NOW, 10, NOW, RETENTION)).toEqual({ level: '1m', step: 60 });
    expect(planSeries(NOW - 40 * DAY, NOW, 90, NOW, RETENTION)).toEqual({
      level: '1h',
      step: 3600,
    });
  });

  it('picks a step for about a thousand points when none is asked', () => {
    expect(planSeries(NOW - DAY, NOW, undefined, NOW, RETENTION)).toEqual({
      level: '1m',
      step: 120,
    });
    expect(planSeries(NOW - 7 * DAY, NOW, undefined, NOW, RETENTION)).toEqual({
      level: '1m',
      step: 900,
    });
    expect(planSeries(NOW - 60_000, NOW, undefined, NOW, RETENTION)).toEqual({
      level: '1s',
      step: 1,
    });
  });

  it('caps a too fine step at ten thousand points', () => {
    expect(planSeries(NOW - DAY, NOW, 1, NOW, RETENTION)).toEqual({ level: '1s', step: 9 });
  });
});

describe(sourceSql.name, () => {
  const m1 = new Date('2026-11-24T11:59:00Z');
  const h1 = new Date('2026-11-24T11:00:00Z');

  it('reads the 1 s table alone at 1 s', () => {
    const sql = sourceSql('1s', { '1h': h1, '1m': m1 });

    expect(sql).toContain('FROM reports');
    expect(sql).not.toContain('UNION ALL');
  });

  it('joins each rollup up to its mark with the finer rows after it', () => {
    const sql = sourceSql('1h', { '1h': h1, '1m': m1 });
    const branches = sql.split('UNION ALL');

    expect(branches.length).toBe(3);
    expect(branches[0]).toContain(`FROM reports_1h WHERE interval_start < '${h1.toISOString()}'`);
    expect(branches[1]).toContain(
      `FROM reports_1m WHERE interval_start >= '${h1.toISOString()}'::timestamptz AND interval_start < '${m1.toISOString()}'`,
    );
    expect(branches[2]).toContain(`FROM reports WHERE interval_start >= '${m1.toISOString()}'`);
  });

  it('skips a rollup that has never run', () => {
    const sql = sourceSql('1h', { '1h': null, '1m': m1 });

    expect(sql).not.toContain('reports_1h');
    expect(sql.split('UNION ALL').length).toBe(2);
  });
});
