// Hot path: add() runs once per packet and is written for speed on purpose (typed arrays, no
// allocation); flush() runs once per second and may allocate the report.
import type { StatsReport } from '@nta/contracts';
import { SLOT_COUNT, SLOT_NAMES, SLOT_UNDECODABLE } from '../decode/transport-slot';

export interface ReportMeta {
  agentId: string;
  interface: string;
  intervalEnd: number;
  seq: number;
}

/** One interval of counters. Single-threaded: the capture callback and the timer share it. */
export class StatsAccumulator {
  private readonly bytes = new Float64Array(SLOT_COUNT);
  private readonly packets = new Float64Array(SLOT_COUNT);
  private totalBytes = 0;
  private totalPackets = 0;
  private undecodable = 0;

  constructor(private intervalStart: number) {}

  /** Totals count every frame, undecodable ones too; transports only the classified ones. */
  add(slot: number, wireBytes: number): void {
    this.totalPackets++;
    this.totalBytes += wireBytes;
    if (slot === SLOT_UNDECODABLE) {
      this.undecodable++;
      return;
    }
    this.packets[slot]++;
    this.bytes[slot] += wireBytes;
  }

  get packetCount(): number {
    return this.totalPackets;
  }

  /** Builds the report for [intervalStart, intervalEnd] and starts the next interval there. */
  flush(meta: ReportMeta): StatsReport {
    const transport = {} as StatsReport['transport'];
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      transport[SLOT_NAMES[slot]] = { bytes: this.bytes[slot], packets: this.packets[slot] };
    }
    const report: StatsReport = {
      agentId: meta.agentId,
      interface: meta.interface,
      intervalEnd: Math.max(meta.intervalEnd, this.intervalStart),
      intervalStart: this.intervalStart,
      seq: meta.seq,
      totals: { bytes: this.totalBytes, packets: this.totalPackets },
      transport,
      undecodable: this.undecodable,
    };
    this.reset(report.intervalEnd);
    return report;
  }

  reset(intervalStart: number): void {
    this.bytes.fill(0);
    this.packets.fill(0);
    this.totalBytes = 0;
    this.totalPackets = 0;
    this.undecodable = 0;
    this.intervalStart = intervalStart;
  }
}
