import type { AgentTopicKind } from '@nta/contracts';

export interface IngestCounters {
  accepted: number;
  duplicates: number;
  // Report interval end → stored, for the most recent accepted report (null before the first).
  lastLagMs: number | null;
  lastRejection: string | null;
  rejected: number;
  rejectedByKind: Partial<Record<AgentTopicKind, number>>;
}

/** Counts what ingest kept, ignored as replays and rejected as invalid. */
export class IngestStats {
  private readonly counters: IngestCounters = {
    accepted: 0,
    duplicates: 0,
    lastLagMs: null,
    lastRejection: null,
    rejected: 0,
    rejectedByKind: {},
  };

  accepted(): void {
    this.counters.accepted++;
  }

  duplicate(): void {
    this.counters.duplicates++;
  }

  lag(ms: number): void {
    this.counters.lastLagMs = ms;
  }

  rejected(kind: AgentTopicKind, reason: string): void {
    this.counters.rejected++;
    this.counters.rejectedByKind[kind] = (this.counters.rejectedByKind[kind] ?? 0) + 1;
    this.counters.lastRejection = reason;
  }

  snapshot(): IngestCounters {
    return { ...this.counters, rejectedByKind: { ...this.counters.rejectedByKind } };
  }
}
