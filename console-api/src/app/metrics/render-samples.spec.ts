import { renderSamples } from './render-samples';

describe(renderSamples.name, () => {
  it('writes HELP and TYPE once per name, then one line per labelled sample', () => {
    const sut = renderSamples([
      {
        help: 'Rows',
        labels: { resolution: '1m' },
        name: 'nta_rows_total',
        type: 'counter',
        value: 3,
      },
      {
        help: 'Rows',
        labels: { resolution: '1h' },
        name: 'nta_rows_total',
        type: 'counter',
        value: 1,
      },
      { help: 'Pending', name: 'nta_pending', type: 'gauge', value: 0 },
    ]);

    expect(sut).toBe(
      [
        '# HELP nta_rows_total Rows',
        '# TYPE nta_rows_total counter',
        'nta_rows_total{resolution="1m"} 3',
        'nta_rows_total{resolution="1h"} 1',
        '# HELP nta_pending Pending',
        '# TYPE nta_pending gauge',
        'nta_pending 0',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes in label values', () => {
    expect(
      renderSamples([{ help: 'h', labels: { a: 'x"y' }, name: 'm', type: 'gauge', value: 1 }]),
    ).toContain('m{a="x\\"y"} 1');
  });
});
