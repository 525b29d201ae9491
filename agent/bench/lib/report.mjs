// Turns burst results into the printed table and the agent / tcpdump and agent − bare-cap figures.
export const LOSS_FREE = 0.001; // under 0.1 % loss
export const GOAL_NS = 100; // decode + aggregate budget over a bare counting loop
// Share of the subject's core used by other processes above which a row is flagged as noisy.
export const NOISY = 0.05;

export function lossOf(r) {
  return r.rx > 0 ? 1 - r.captured / r.rx : 0;
}

export const nsPerPacket = (r) => (r.captured > 0 ? (r.cpuSeconds * 1e9) / r.captured : NaN);
const rate = (r) => r.rx / r.elapsed;
const cpuPercent = (r) => (100 * r.cpuSeconds) / r.elapsed;
const k = (pps) => (pps >= 1e6 ? `${(pps / 1e6).toFixed(2)}M` : `${Math.round(pps / 1e3)}k`);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
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
    `${cpuPercent(r).toFixed(0)} %`,
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
  const best = new Map();
  for (const [name, runs] of results) {
    const ok = runs.filter(({ r }) => !r.error && lossOf(r) < LOSS_FREE);
    const top = ok.reduce((a, b) => (a && rate(a.r) >= rate(b.r) ? a : b), null);
    best.set(name, top);
    const rss = Math.max(...runs.filter(({ r }) => !r.error).map(({ r }) => r.rss));
    lines.push(
      `${name.padEnd(9)} highest loss-free rate ${top ? `${k(rate(top.r))}/s` : 'none'}` +
        `${top ? ` (CPU ${cpuPercent(top.r).toFixed(0)} %)` : ''}, peak RSS ${Number.isFinite(rss) ? mib(rss) : '-'}`,
    );
  }
  const all = [...results.values()].flat().filter(({ r }) => !r.error);
  const noisy = all.filter(({ r }) => r.others > NOISY).length;
  if (noisy > 0) {
    lines.push(
      `${noisy} of ${all.length} bursts had other processes on the capture core (> ${NOISY * 100} %): rerun on a quiet machine`,
    );
  }
  const common = commonLossFree(results);
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const agent = best.get('agent');
  const tcpdump = best.get('tcpdump');
  if (results.has('agent') && results.has('tcpdump')) {
    lines.push('');
    lines.push(
      `agent / tcpdump  highest loss-free rate: ${agent && tcpdump ? ratio(rate(agent.r), rate(tcpdump.r)) : 'n/a'}`,
    );
    const at = common(['agent', 'tcpdump']);
    if (at) {
      const [a, t] = at.runs;
      lines.push(
        `agent / tcpdump  CPU at ${k(at.target)}/s (highest rate both ran loss-free): ` +
          `${ratio(a.cpuSeconds, t.cpuSeconds)} (${cpuPercent(a).toFixed(0)} % vs ${cpuPercent(t).toFixed(1)} %)`,
      );
      lines.push(
        `agent / tcpdump  peak RSS: ${ratio(a.rss, t.rss)} (${mib(a.rss)} vs ${mib(t.rss)})`,
      );
    } else {
      lines.push('agent / tcpdump  CPU: no rate where both ran loss-free');
    }
  }
  if (results.has('agent') && results.has('bare-cap')) {
    lines.push('');
    lines.push(
      'decode + aggregate cost over bare-cap (CPU ns/pkt, agent − bare-cap), goal ≤ 100 ns:',
    );
    const a = results.get('agent');
    const b = results.get('bare-cap');
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i].r.error || b[i].r.error) continue;
      const d = nsPerPacket(a[i].r) - nsPerPacket(b[i].r);
      const note = lossOf(a[i].r) < LOSS_FREE && lossOf(b[i].r) < LOSS_FREE ? '' : ' (with loss)';
      lines.push(`  at ${a[i].target ? `${k(a[i].target)}/s` : 'max'}: ${d.toFixed(0)} ns${note}`);
    }
    const at = common(['agent', 'bare-cap']);
    if (at) {
      const d = nsPerPacket(at.runs[0]) - nsPerPacket(at.runs[1]);
      lines.push(
        `  → ${d.toFixed(0)} ns/packet at ${k(at.target)}/s (highest rate both ran loss-free): ` +
          `${d <= GOAL_NS ? 'within' : 'OVER'} the ${GOAL_NS} ns goal`,
      );
    } else {
      lines.push('  → no rate where both ran loss-free: see the offline microbench below');
    }
  }
  return lines.join('\n');
}

// The highest target at which every named subject ran loss-free.
function commonLossFree(results) {
  return (names) => {
    const lists = names.map((n) => results.get(n));
    for (let i = Math.min(...lists.map((l) => l.length)) - 1; i >= 0; i--) {
      const runs = lists.map((l) => l[i].r);
      if (runs.every((r) => !r.error && lossOf(r) < LOSS_FREE)) {
        return { runs, target: lists[0][i].target || rate(runs[0]) };
      }
    }
    return null;
  };
}
