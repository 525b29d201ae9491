import type { MetricSample } from '../storage/storage-metrics';

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** Prometheus text format for plain samples owned by other features (one HELP/TYPE per name). */
export function renderSamples(samples: MetricSample[]): string {
  const lines: string[] = [];
  const described = new Set<string>();
  for (const s of samples) {
    if (!described.has(s.name)) {
      described.add(s.name);
      lines.push(`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`);
    }
    const labels = Object.entries(s.labels ?? {})
      .map(([k, v]) => `${k}="${escape(v)}"`)
      .join(',');
    lines.push(`${s.name}${labels ? `{${labels}}` : ''} ${s.value}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
