import type { Counters, StatsReport } from '@nta/contracts';
import type { CaptureFileSummary } from '../capture/capture-file';

const ROWS = 10;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map(line).map((l) => `  ${l}`);
}

function countersTable(title: string, record: Record<string, Counters>, total: number): string[] {
  const rows = Object.entries(record)
    .filter(([, c]) => c.packets > 0)
    .sort(([, x], [, y]) => y.bytes - x.bytes || y.packets - x.packets)
    .map(([name, c]) => [
      name,
      String(c.packets),
      size(c.bytes),
      total > 0 ? `${((c.bytes / total) * 100).toFixed(1)}%` : '-',
    ]);
  return rows.length ? table([title, 'PACKETS', 'BYTES', 'SHARE'], rows) : [`  ${title}: none`];
}

const endpoint = (address: string, port: number | null) =>
  port === null ? address : address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

/** The whole-file report as text: what the console's host page would show for the file. */
export function formatAnalysisTable(
  path: string,
  r: StatsReport,
  file: CaptureFileSummary,
  intervals: number | null,
): string {
  const seconds = ((r.intervalEnd - r.intervalStart) / 1000).toFixed(3);
  const out = [
    `${path}: ${r.totals.packets} packets, ${size(r.totals.bytes)} on the wire`,
    `  ${new Date(r.intervalStart).toISOString()} → ${new Date(r.intervalEnd).toISOString()} (${seconds} s)` +
      `, link type ${file.linkTypes.join(', ') || '-'}, read by ${file.reader}` +
      (intervals === null ? '' : `, ${intervals} reports`),
    '',
    ...countersTable('TRANSPORT', { ...r.transport, undecodable: undecodable(r) }, r.totals.bytes),
    '',
    ...countersTable('APPLICATION', r.applications, r.totals.bytes),
    '',
  ];
  if (r.flows.length) {
    out.push(
      ...table(
        ['TOP FLOWS', 'APP', 'PACKETS', 'BYTES'],
        r.flows
          .slice(0, ROWS)
          .map((f) => [
            `${f.transport} ${endpoint(f.a, f.aPort)} ↔ ${endpoint(f.b, f.bPort)}`,
            f.application,
            String(f.packetsAtoB + f.packetsBtoA),
            size(f.bytesAtoB + f.bytesBtoA),
          ]),
      ),
    );
  } else {
    out.push('  TOP FLOWS: none');
  }
  const talkers = [...r.talkers.local, ...r.talkers.remote]
    .sort((x, y) => y.bytesIn + y.bytesOut - (x.bytesIn + x.bytesOut))
    .slice(0, ROWS);
  out.push('');
  if (talkers.length) {
    out.push(
      ...table(
        ['TOP TALKERS', 'NAME', 'PACKETS', 'BYTES'],
        talkers.map((t) => [
          t.address,
          t.name ?? '-',
          String(t.packetsIn + t.packetsOut),
          size(t.bytesIn + t.bytesOut),
        ]),
      ),
    );
  } else {
    out.push('  TOP TALKERS: none');
  }
  const reasons = Object.entries(r.quality.undecodableReasons).map(([k, n]) => `${k} ${n}`);
  if (reasons.length) out.push('', `  undecodable: ${reasons.join(', ')}`);
  if (file.error) out.push('', `  read stopped early: ${file.error}`);
  return `${out.join('\n')}\n`;
}

// Totals minus the decoded transports: the frames no layer could place.
function undecodable(r: StatsReport): Counters {
  let bytes = r.totals.bytes;
  for (const c of Object.values(r.transport)) bytes -= c.bytes;
  return { bytes, packets: r.undecodable };
}
