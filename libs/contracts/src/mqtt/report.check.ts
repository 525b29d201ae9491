import { TUNNEL_KINDS } from './analysis.schema';
import type { StatsReport } from './report.schema';
import { TRANSPORT_NAMES } from './report.schema';
import { AGENT_ID_PATTERN } from './topics';

// The console's hot path: one of these per agent per second. statsReportSchema stays the rule
// book and the only source of error messages; this only answers "zod would accept this exactly as
// it is" (every rule, no unknown key anywhere, so zod's output would equal the input) in a
// fraction of zod's time. Anything else, including what it is unsure of, goes to zod.
// report.check.spec.ts holds it to statsReportSchema.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const nonNeg = (v: unknown): boolean => num(v) && v >= 0;
const port = (v: unknown): boolean => v === null || (count(v) && (v as number) <= 65535);

// Exactly `n` own keys: with every expected key checked, there is no unknown one zod would strip.
function keys(o: Obj, n: number): boolean {
  let k = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) return false;
    k++;
  }
  return k === n;
}

const counters = (v: unknown): boolean =>
  isObj(v) && keys(v, 2) && count(v['bytes']) && count(v['packets']);

// z.record: every key within `maxKey` (a "__proto__" key would not survive zod's copy).
function record(v: unknown, maxKey: number, value: (x: unknown) => boolean): boolean {
  if (!isObj(v)) return false;
  for (const key in v) {
    if (!Object.hasOwn(v, key) || key.length > maxKey || key === '__proto__') return false;
    if (!value(v[key])) return false;
  }
  return true;
}

function array(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length > max) return false;
  for (const x of v) if (!item(x)) return false;
  return true;
}

function flow(v: unknown): boolean {
  return (
    isObj(v) &&
    keys(v, 14) &&
    str(v['a'], 64) &&
    port(v['aPort']) &&
    str(v['application'], 32) &&
    str(v['b'], 64) &&
    port(v['bPort']) &&
    count(v['bytesAtoB']) &&
    count(v['bytesBtoA']) &&
    nonNeg(v['firstSeen']) &&
    nonNeg(v['lastSeen']) &&
    count(v['packetsAtoB']) &&
    count(v['packetsBtoA']) &&
    str(v['tcpFlags'], 8) &&
    str(v['transport'], 16) &&
    (v['tunnel'] === null || (TUNNEL_KINDS as readonly unknown[]).includes(v['tunnel']))
  );
}

function talker(v: unknown): boolean {
  return (
    isObj(v) &&
    keys(v, 6) &&
    str(v['address'], 64) &&
    count(v['bytesIn']) &&
    count(v['bytesOut']) &&
    (v['name'] === null || str(v['name'], 255)) &&
    count(v['packetsIn']) &&
    count(v['packetsOut'])
  );
}

function talkers(v: unknown): boolean {
  return (
    isObj(v) &&
    keys(v, 4) &&
    array(v['local'], 100, talker) &&
    counters(v['localOther']) &&
    array(v['remote'], 100, talker) &&
    counters(v['remoteOther'])
  );
}

function direction(v: unknown): boolean {
  return (
    isObj(v) &&
    keys(v, 4) &&
    counters(v['in']) &&
    counters(v['local']) &&
    counters(v['other']) &&
    counters(v['out'])
  );
}

function quality(v: unknown): boolean {
  if (!isObj(v) || !keys(v, 12)) return false;
  const t = v['tunnels'];
  return (
    (v['interfacePackets'] === null || count(v['interfacePackets'])) &&
    (v['coveragePct'] === null || nonNeg(v['coveragePct'])) &&
    count(v['captured']) &&
    (v['drops'] === null || count(v['drops'])) &&
    count(v['flowsActive']) &&
    count(v['flowsEvicted']) &&
    record(v['linkTypes'], Infinity, count) &&
    nonNeg(v['publishLagMs']) &&
    count(v['queued']) &&
    isObj(t) &&
    keys(t, 2) &&
    count(t['gre']) &&
    count(t['vxlan']) &&
    count(v['undecodable']) &&
    record(v['undecodableReasons'], Infinity, count)
  );
}

function transport(v: unknown): boolean {
  if (!isObj(v) || !keys(v, TRANSPORT_NAMES.length)) return false;
  for (const name of TRANSPORT_NAMES) if (!counters(v[name])) return false;
  return true;
}

function sample(v: unknown): boolean {
  return (
    isObj(v) &&
    keys(v, 6) &&
    typeof v['dst'] === 'string' &&
    str(v['info'], 512) &&
    count(v['length']) &&
    str(v['protocol'], 32) &&
    typeof v['src'] === 'string' &&
    nonNeg(v['ts'])
  );
}

/** True only when statsReportSchema would accept `v` and hand back an equal value. */
export function isCleanStatsReport(v: unknown): v is StatsReport {
  return (
    isObj(v) &&
    keys(v, 16) &&
    typeof v['agentId'] === 'string' &&
    AGENT_ID_PATTERN.test(v['agentId']) &&
    record(v['applications'], 32, counters) &&
    direction(v['direction']) &&
    array(v['flows'], 500, flow) &&
    counters(v['flowsOther']) &&
    typeof v['interface'] === 'string' &&
    v['interface'].length >= 1 &&
    v['interface'].length <= 64 &&
    Number.isSafeInteger(v['intervalEnd']) &&
    (v['intervalEnd'] as number) > 0 &&
    Number.isSafeInteger(v['intervalStart']) &&
    (v['intervalStart'] as number) > 0 &&
    (v['intervalEnd'] as number) >= (v['intervalStart'] as number) &&
    record(v['names'], 64, (x) => str(x, 255)) &&
    quality(v['quality']) &&
    array(v['samples'], 200, sample) &&
    count(v['seq']) &&
    talkers(v['talkers']) &&
    counters(v['totals']) &&
    transport(v['transport']) &&
    count(v['undecodable'])
  );
}
