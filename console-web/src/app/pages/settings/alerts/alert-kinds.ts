import type { AlertKind, AlertRule } from '@nta/contracts';
import { formatBytes } from '../../../pipes/bytes.pipe';

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  'coverage-below': 'Capture coverage below',
  'host-offline': 'Host offline',
  'throughput-above': 'Throughput above',
  'throughput-below': 'Throughput below',
};

/** The unit the threshold field is in, or null when the kind takes none. */
export function thresholdUnit(kind: AlertKind): 'bytes/s' | '%' | null {
  if (kind === 'host-offline') return null;
  return kind === 'coverage-below' ? '%' : 'bytes/s';
}

/** "Throughput above 1.00 MB/s for 60 s", as a person would say it. */
export function describeRule(rule: AlertRule): string {
  const unit = thresholdUnit(rule.kind);
  const value =
    unit === null || rule.threshold === null
      ? ''
      : unit === '%'
        ? ` ${rule.threshold} %`
        : ` ${formatBytes(rule.threshold)}/s`;
  return `${ALERT_KIND_LABELS[rule.kind]}${value} for ${rule.forSeconds} s`;
}
