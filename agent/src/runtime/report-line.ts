import type { Counters, StatsReport } from '@nta/contracts';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function top(record: Record<string, Counters>, n: number): string {
  return Object.entries(record)
    .filter(([, c]) => c.packets > 0)
    .sort(([, x], [, y]) => y.bytes - x.bytes)
    .slice(0, n)
    .map(([name, c]) => `${name} ${c.packets}`)
    .join(' ');
}

/** One short human line per report, for `watch` without --json. */
export function formatReportLine(r: StatsReport): string {
  const time = new Date(r.intervalEnd).toISOString().slice(11, 19);
  const coverage = r.quality.coveragePct === null ? '' : ` coverage ${r.quality.coveragePct}%`;
  const flow = r.flows[0];
  const biggest = flow
    ? ` | top ${flow.a}${flow.aPort === null ? '' : `:${flow.aPort}`} ↔ ${flow.b}` +
      `${flow.bPort === null ? '' : `:${flow.bPort}`} ${flow.application} ` +
      size(flow.bytesAtoB + flow.bytesBtoA)
    : '';
  return (
    `${time} ${r.interface} ${r.totals.packets} pkts ${size(r.totals.bytes)}` +
    ` | ${top(r.transport, 4) || '-'} | ${top(r.applications, 5) || '-'}` +
    `${biggest}${coverage}${r.undecodable ? ` undecodable ${r.undecodable}` : ''}`
  );
}
