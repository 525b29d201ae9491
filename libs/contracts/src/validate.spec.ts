import { z } from 'zod';
import { agentCommandSchema, emptyStatsReport, statsReportSchema } from './mqtt';
import { validate, validateJson } from './validate';

const REPORT = {
  ...emptyStatsReport({
    agentId: 'a1',
    interface: 'eth0',
    intervalEnd: 1_700_000_001_000,
    intervalStart: 1_700_000_000_000,
    seq: 7,
  }),
  totals: { bytes: 1500, packets: 3 },
};

const FLOW = {
  a: '10.0.0.1',
  aPort: 53211,
  application: 'tls',
  b: '93.184.216.34',
  bPort: 443,
  bytesAtoB: 517,
  bytesBtoA: 1400,
  firstSeen: 1_700_000_000_100,
  lastSeen: 1_700_000_000_900,
  packetsAtoB: 1,
  packetsBtoA: 1,
  tcpFlags: 'PA',
  transport: 'tcp',
  tunnel: null,
};

describe('validate', () => {
  it('accepts a well-formed report', () => {
    expect(validate(statsReportSchema, REPORT, 'here')).toEqual({ ok: true, value: REPORT });
  });

  it('accepts flows, talkers and quality, and rejects a flow with an impossible port', () => {
    const report = { ...REPORT, flows: [FLOW] };
    expect(validate(statsReportSchema, report, 'here').ok).toBeTrue();

    const bad = { ...REPORT, flows: [{ ...FLOW, bPort: 70000 }] };
    const res = validate(statsReportSchema, bad, 'src');
    expect(!res.ok && res.error).toMatch(/^src: flows\.0\.bPort: /);
  });

  it('names the source and the failing field', () => {
    const res = validate(
      statsReportSchema,
      { ...REPORT, totals: { bytes: -1, packets: 3 } },
      'src',
    );

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

  it('hands back the text only when the fast check took the value exactly as it was', () => {
    const clean = (v: unknown): v is { n: number } => (v as { n?: unknown }).n === 1;
    const schema = z.object({ n: z.number() });

    const exact = validateJson(schema, '{"n":1}', 'x', clean);
    const byZod = validateJson(schema, '{"n":2,"extra":true}', 'x', clean);

    expect(exact).toEqual({ ok: true, text: '{"n":1}', value: { n: 1 } });
    expect(byZod).toEqual({ ok: true, value: { n: 2 } });
  });

  it('discriminates commands by type', () => {
    expect(validate(agentCommandSchema, { id: '1', type: 'stop' }, 'c').ok).toBeTrue();
    expect(validate(agentCommandSchema, { id: '1', type: 'reboot' }, 'c').ok).toBeFalse();
    expect(validate(agentCommandSchema, { id: '1', type: 'set-filter' }, 'c').ok).toBeFalse();
  });
});
