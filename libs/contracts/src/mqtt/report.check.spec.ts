import { isCleanStatsReport } from './report.check';
import { emptyStatsReport, statsReportSchema } from './report.schema';

const S = 1_700_000_000_000;

// A report using every part of the schema: nullable fields both ways, records, samples, tunnels.
function fullReport(): Record<string, unknown> {
  const r = emptyStatsReport({
    agentId: 'host-1.lan',
    interface: 'eth0',
    intervalEnd: S + 1000,
    intervalStart: S,
    seq: 42,
  });
  const flow = (i: number) => ({
    a: '10.0.0.2',
    aPort: i === 0 ? null : 40_000 + i,
    application: 'tls',
    b: `198.51.100.${i + 1}`,
    bPort: i === 0 ? null : 443,
    bytesAtoB: 1000 + i,
    bytesBtoA: 500,
    firstSeen: S + 0.5,
    lastSeen: S + 999,
    packetsAtoB: 3,
    packetsBtoA: 2,
    tcpFlags: 'SA',
    transport: 'tcp',
    tunnel: i === 1 ? ('vxlan' as const) : null,
  });
  const talker = (name: string | null) => ({
    address: '10.0.0.2',
    bytesIn: 1,
    bytesOut: 2,
    name,
    packetsIn: 1,
    packetsOut: 1,
  });
  return JSON.parse(
    JSON.stringify({
      ...r,
      applications: { dns: { bytes: 10, packets: 1 }, tls: { bytes: 20, packets: 2 } },
      flows: [flow(0), flow(1), flow(2)],
      names: { '198.51.100.1': 'example.org' },
      quality: {
        ...r.quality,
        coveragePct: 99.5,
        drops: 0,
        interfacePackets: 10,
        linkTypes: { '113': 2 },
        publishLagMs: 3.25,
        undecodableReasons: { truncated: 1 },
      },
      samples: [{ dst: 'b', info: 'GET /', length: 60, protocol: 'HTTP', src: 'a', ts: S + 1.5 }],
      talkers: { ...r.talkers, local: [talker(null)], remote: [talker('example.org')] },
    }),
  ) as Record<string, unknown>;
}

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  -1,
  0,
  1.5,
  2 ** 53,
  'x',
  '',
  'x'.repeat(9),
  'x'.repeat(17),
  'x'.repeat(33),
  'x'.repeat(65),
  'x'.repeat(256),
  'x'.repeat(513),
  true,
  {},
  [],
  'gre',
  65_536,
];

type Path = (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const inner = Object.entries(value).flatMap(([k, v]) =>
    paths(v, [...at, Array.isArray(value) ? Number(k) : k]),
  );
  return [at, ...inner];
}

function withValue(at: Path, value: unknown): unknown {
  const copy = fullReport();
  if (at.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function withExtraKey(at: Path, key: string): unknown {
  const copy = fullReport();
  let node = copy as Record<string | number, unknown>;
  for (const k of at) node = node[k] as Record<string | number, unknown>;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  // As JSON.parse makes it: an own "__proto__" key, not a prototype.
  Object.defineProperty(node, key, { enumerable: true, value: { bytes: 1, packets: 1 } });
  return copy;
}

// Same JSON value, same own keys, same prototypes (key order aside: jsonb and JSON readers ignore it).
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

// What the hot path relies on: a yes only where zod says yes and gives back the very same value.
function zodKeepsAsIs(input: unknown): boolean {
  const result = statsReportSchema.safeParse(input);
  return result.success && sameValue(result.data, input);
}

describe(isCleanStatsReport.name, () => {
  it('accepts a full report zod accepts unchanged', () => {
    const sut = fullReport();

    expect(zodKeepsAsIs(sut)).toBeTrue();
    expect(isCleanStatsReport(sut)).toBeTrue();
  });

  it('agrees with zod on every field set to each of a set of wrong values', () => {
    const disagreements: string[] = [];
    let refused = 0;
    for (const at of paths(fullReport())) {
      for (const value of BAD_VALUES) {
        const input = withValue(at, value);
        const sut = isCleanStatsReport(input);
        if (!sut) refused++;
        if (sut !== zodKeepsAsIs(input)) {
          disagreements.push(
            `${at.join('.') || '(root)'} = ${JSON.stringify(value)?.slice(0, 20)}`,
          );
        }
      }
    }

    expect(disagreements).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
  });

  it('leaves an unknown key (zod strips it) or a "__proto__" key to zod', () => {
    const disagreements: string[] = [];
    let refused = 0;
    for (const at of paths(fullReport()).filter((p) => p.length < 4)) {
      for (const key of ['extra', '__proto__']) {
        const input = withExtraKey(at, key);
        if (input === null) continue;
        const sut = isCleanStatsReport(input);
        if (!sut) refused++;
        if (sut !== zodKeepsAsIs(input)) disagreements.push(`${at.join('.')} + ${key}`);
      }
    }

    expect(disagreements).toEqual([]);
    // Records (applications, names, …) may take a new key; every other object may not.
    expect(refused).toBeGreaterThan(20);
  });

  it('refuses over-long arrays and an interval that ends before it starts, as zod does', () => {
    const flows = withValue(
      ['flows'],
      Array.from({ length: 501 }, () => (fullReport().flows as unknown[])[2]),
    );
    const backwards = withValue(['intervalEnd'], S - 1);
    const manyTalkers = withValue(
      ['talkers', 'remote'],
      Array.from({ length: 101 }, () => ({
        address: 'a',
        bytesIn: 0,
        bytesOut: 0,
        name: null,
        packetsIn: 0,
        packetsOut: 0,
      })),
    );

    for (const input of [flows, backwards, manyTalkers]) {
      expect(isCleanStatsReport(input)).toBeFalse();
      expect(statsReportSchema.safeParse(input).success).toBeFalse();
    }
  });
});
