// Turns burst results into the printed table and the agent / tcpdump and agent − bare-cap figures.
export const LOSS_FREE = 0.001; // under 0.1 % loss
export const GOAL_NS = 100; // decode + aggregate budget over a bare counting loop
// Issue 4's goals for the agent: share of one core at 100k packets/s, and peak RSS.
export const GOAL_CPU_AT_100K = 0.03;
export const GOAL_RSS_BYTES = 80e6;
// Share of the subject's core used by other processes above which a row is flagged as noisy.
export const NOISY = 0.05;

export function lossOf(r) {
  return r.rx > 0 ? 1 - r.captured / r.rx : 0;
}

export const nsPerPacket = (r) => (r.captured > 0 ? (r.cpuSeconds * 1e9) / r.captured : NaN);
const rate = (r) => r.rx / r.elapsed;
const cpuPercent = (r) => (100 * r.cpuSeconds) / r.elapsed;
const k = (pps) => (pps >= 1e6 ? `${(pps / 1e6).toFixed(2)}M` : `${Math.round(pps / 1e3)}k`);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const pct = (x, digits = 2) => `${(100 * x).toFixed(digits)} %`;

export function formatRow(target, name, r) {
  if (r.error) return [target ? k(target) : 'max', name, `error: ${r.error}`];
  return [
    target ? k(target) : 'max',
    name,
    k(r.sent / r.elapsed),
    String(r.rx),
    String(r.captured),
    pct(lossOf(r)) + (lossOf(r) < LOSS_FREE ? '' : ' !'),
    `${cpuPercent(r).toFixed(1)} %`,
    `${nsPerPacket(r).toFixed(0)}`,
    mib(r.rss),
    `${(100 * r.others).toFixed(0)} %${r.others > NOISY ? ' !' : ''}`,
  ];
}

export const HEADER = [
  'target',
  'subject',
  'sent/s',
  'rx_packets',
  'captured',
  'loss',
  'CPU',
  'CPU ns/pkt',
  'peak RSS',
  'others on core',
];

export function table(rows) {
  const widths = HEADER.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r) =>
    r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ');
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** @param results Map<subject, Array<{target, r}>> in rising target order */
export function summarize(results) {
  const lines = [];
  for (const [name, runs] of results) {
    const top = bestLossFree(runs);
    const rss = Math.max(...runs.filter(({ r }) => !r.error).map(({ r }) => r.rss));
    // Loss-free at every rate: the generator, not the subject, set the ceiling.
    const ceiling = runs.every(({ r }) => !r.error && lossOf(r) < LOSS_FREE);
    lines.push(
      `${name.padEnd(9)} highest loss-free rate ` +
        `${top ? `${ceiling ? '≥ ' : ''}${k(rate(top.r))}/s` : 'none'}` +
        `${top ? ` (CPU ${cpuPercent(top.r).toFixed(0)} %)` : ''}, ` +
        `peak RSS ${Number.isFinite(rss) ? `${mib(rss)} = ${mb(rss)}` : '-'}` +
        `${ceiling ? ' (no loss at any rate: the generator is the limit)' : ''}`,
    );
  }
  const all = [...results.values()].flat().filter(({ r }) => !r.error);
  const noisy = all.filter(({ r }) => r.others > NOISY).length;
  if (noisy > 0) {
    lines.push(
      `${noisy} of ${all.length} bursts had other processes on the capture core ` +
        `(> ${NOISY * 100} %): rerun on a quiet machine`,
    );
  }
  lines.push(...goals(results));
  for (const name of ['agent', 'agent-run', 'agent-cap']) {
    if (results.has(name) && results.has('tcpdump')) {
      lines.push('', ...versus(results, name, 'tcpdump'));
    }
  }
  if (results.has('agent-cap') && results.has('bare-cap')) {
    lines.push('', ...decodeCost(results, 'agent-cap', 'bare-cap'));
  }
  return lines.join('\n');
}

// The agent's CPU at the 100k/s rows and its peak RSS against the issue's goals.
function goals(results) {
  const lines = [];
  for (const name of ['agent', 'agent-run']) {
    const runs = results.get(name)?.filter(({ r }) => !r.error);
    if (!runs?.length) continue;
    // Every 100k/s burst (`--rates 100000,100000` repeats it): the worst one is held to the goal.
    const at100k = runs.filter(({ target }) => target === 100e3).map(({ r }) => cpuPercent(r));
    const rss = Math.max(...runs.map(({ r }) => r.rss));
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    const worst = Math.max(...at100k);
    const cpu = at100k.length
      ? `CPU at 100k/s ${at100k.map((c) => c.toFixed(1)).join(', ')} % of a core ` +
        `(goal ≤ ${GOAL_CPU_AT_100K * 100} %: ${verdict(worst <= GOAL_CPU_AT_100K * 100)}), `
      : '';
    lines.push(
      `${name.padEnd(9)} ${cpu}peak RSS ${mb(rss)} ` +
        `(goal < ${mb(GOAL_RSS_BYTES)}: ${verdict(rss < GOAL_RSS_BYTES)})`,
    );
  }
  return lines.length ? ['', ...lines] : [];
}

const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

function bestLossFree(runs) {
  const ok = runs.filter(({ r }) => !r.error && lossOf(r) < LOSS_FREE);
  return ok.reduce((a, b) => (a && rate(a.r) >= rate(b.r) ? a : b), null);
}

function versus(results, name, base) {
  const label = `${name} / ${base}`.padEnd(20);
  const mine = bestLossFree(results.get(name));
  const theirs = bestLossFree(results.get(base));
  const lines = [
    `${label} highest loss-free rate: ` +
      `${mine && theirs ? ratio(rate(mine.r), rate(theirs.r)) : 'n/a'}`,
  ];
  const at = commonLossFree(results, [name, base]);
  if (!at) return [...lines, `${label} CPU: no rate where both ran loss-free`];
  const [a, t] = at.runs;
  return [
    ...lines,
    `${label} CPU at ${k(at.target)}/s (highest rate both ran loss-free): ` +
      `${ratio(a.cpuSeconds, t.cpuSeconds)} (${cpuPercent(a).toFixed(1)} % vs ${cpuPercent(t).toFixed(1)} %)`,
    `${label} peak RSS: ${ratio(a.rss, t.rss)} (${mib(a.rss)} vs ${mib(t.rss)})`,
  ];
}

function decodeCost(results, name, base) {
  const lines = [
    `decode + aggregate over a bare counting callback, both on cap (CPU ns/pkt, ${name} − ${base}), goal ≤ ${GOAL_NS} ns:`,
  ];
  const a = results.get(name);
  const b = results.get(base);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].r.error || b[i].r.error) continue;
    const d = nsPerPacket(a[i].r) - nsPerPacket(b[i].r);
    const note = lossOf(a[i].r) < LOSS_FREE && lossOf(b[i].r) < LOSS_FREE ? '' : ' (with loss)';
    lines.push(`  at ${a[i].target ? `${k(a[i].target)}/s` : 'max'}: ${d.toFixed(0)} ns${note}`);
  }
  const at = commonLossFree(results, [name, base]);
  if (!at) return [...lines, '  → no rate where both ran loss-free: see the offline microbench'];
  const d = nsPerPacket(at.runs[0]) - nsPerPacket(at.runs[1]);
  return [
    ...lines,
    `  → ${d.toFixed(0)} ns/packet at ${k(at.target)}/s (highest rate both ran loss-free): ` +
      `${d <= GOAL_NS ? 'within' : 'OVER'} the ${GOAL_NS} ns goal (wake-up batching makes this ` +
      'noisy; the microbench isolates it)',
  ];
}

// The highest target at which every named subject ran loss-free.
function commonLossFree(results, names) {
  const lists = names.map((n) => results.get(n));
  for (let i = Math.min(...lists.map((l) => l.length)) - 1; i >= 0; i--) {
    const runs = lists.map((l) => l[i].r);
    if (runs.every((r) => !r.error && lossOf(r) < LOSS_FREE)) {
      return { runs, target: lists[0][i].target || rate(runs[0]) };
    }
  }
  return null;
}
