import { agentCommandSchema, emptyTransportCounters, statsReportSchema } from './mqtt';
import { validate, validateJson } from './validate';

const REPORT = {
  agentId: 'a1',
  interface: 'eth0',
  intervalEnd: 1_700_000_001_000,
  intervalStart: 1_700_000_000_000,
  seq: 7,
  totals: { bytes: 1500, packets: 3 },
  transport: emptyTransportCounters(),
  undecodable: 0,
};

describe('validate', () => {
  it('accepts a well-formed report', () => {
    expect(validate(statsReportSchema, REPORT, 'here')).toEqual({ ok: true, value: REPORT });
  });

  it('names the source and the failing field', () => {
    const res = validate(statsReportSchema, { ...REPORT, totals: { bytes: -1, packets: 3 } }, 'src');

    expect(res.ok).toBeFalse();
    expect(!res.ok && res.error).toMatch(/^src: totals\.bytes: /);
  });

  it('rejects an interval that ends before it starts', () => {
    const res = validate(statsReportSchema, { ...REPORT, intervalEnd: 1 }, 'src');

    expect(!res.ok && res.error).toMatch(/intervalEnd: intervalEnd must not be before/);
  });

  it('reports non-JSON bodies instead of throwing', () => {
    const res = validateJson(statsReportSchema, new TextEncoder().encode('{oops'), 'topic x');

    expect(!res.ok && res.error).toMatch(/^topic x: not JSON/);
  });

  it('discriminates commands by type', () => {
    expect(validate(agentCommandSchema, { id: '1', type: 'stop' }, 'c').ok).toBeTrue();
    expect(validate(agentCommandSchema, { id: '1', type: 'reboot' }, 'c').ok).toBeFalse();
    expect(validate(agentCommandSchema, { id: '1', type: 'set-filter' }, 'c').ok).toBeFalse();
  });
});
