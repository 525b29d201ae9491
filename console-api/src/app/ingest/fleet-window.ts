import {
  type Counters,
  emptyTransportCounters,
  type StatsReport,
  TRANSPORT_NAMES,
  type TransportCounters,
} from '@nta/contracts';

const WINDOW_SECONDS = 60;
// The newest seconds are still arriving; rates are read over seconds that have settled.
const SETTLE_SECONDS = 2;
const RATE_SECONDS = 5;

interface Slot {
  second: number;
  totals: Counters;
  transport: TransportCounters;
}

/**
 * Fleet-wide sums per second of the last minute of reports, kept in memory as batches commit,
 * so the fleet summary (asked every second by the UI) never scans the report tables.
 */
export class FleetWindow {
  private readonly slots = new Map<number, Slot>();

  add(report: StatsReport, now: number): void {
    const second = Math.floor(report.intervalStart / 1000);
    const newest = Math.floor(now / 1000);
    if (second <= newest - WINDOW_SECONDS || second > newest + 1) return;
    let slot = this.slots.get(second);
    if (!slot) {
      slot = { second, totals: { bytes: 0, packets: 0 }, transport: emptyTransportCounters() };
      this.slots.set(second, slot);
    }
    slot.totals.bytes += report.totals.bytes;
    slot.totals.packets += report.totals.packets;
    for (const name of TRANSPORT_NAMES) {
      slot.transport[name].bytes += report.transport[name].bytes;
      slot.transport[name].packets += report.transport[name].packets;
    }
    this.prune(newest);
  }

  /** Sums over the last minute, and the mean per-second rate over settled seconds. */
  read(now: number): {
    rate: { bytesPerSec: number; packetsPerSec: number };
    totals: Counters;
    transport: TransportCounters;
  } {
    const newest = Math.floor(now / 1000);
    this.prune(newest);
    const totals: Counters = { bytes: 0, packets: 0 };
    const transport = emptyTransportCounters();
    const rate = { bytes: 0, packets: 0 };
    for (const slot of this.slots.values()) {
      totals.bytes += slot.totals.bytes;
      totals.packets += slot.totals.packets;
      for (const name of TRANSPORT_NAMES) {
        transport[name].bytes += slot.transport[name].bytes;
        transport[name].packets += slot.transport[name].packets;
      }
      const age = newest - slot.second;
      if (age >= SETTLE_SECONDS && age < SETTLE_SECONDS + RATE_SECONDS) {
        rate.bytes += slot.totals.bytes;
        rate.packets += slot.totals.packets;
      }
    }
    return {
      rate: { bytesPerSec: rate.bytes / RATE_SECONDS, packetsPerSec: rate.packets / RATE_SECONDS },
      totals,
      transport,
    };
  }

  private prune(newest: number): void {
    for (const second of this.slots.keys()) {
      if (second <= newest - WINDOW_SECONDS) this.slots.delete(second);
    }
  }
}
