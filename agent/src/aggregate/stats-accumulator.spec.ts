import { statsReportSchema, validate } from '@nta/contracts';
import {
  SLOT_ARP,
  SLOT_ICMPV6,
  SLOT_TCP,
  SLOT_UDP,
  SLOT_UNDECODABLE,
} from '../decode/transport-slot';
import { StatsAccumulator } from './stats-accumulator';

describe(StatsAccumulator.name, () => {
  const meta = { agentId: 'host-1', interface: 'eth0', intervalEnd: 2_000, seq: 5 };
  let sut: StatsAccumulator;

  beforeEach(() => {
    sut = new StatsAccumulator(1_000);
  });

  it('sums packets and wire bytes per transport and in totals', () => {
    sut.add(SLOT_TCP, 60);
    sut.add(SLOT_TCP, 1514);
    sut.add(SLOT_UDP, 100);
    sut.add(SLOT_ARP, 42);
    sut.add(SLOT_UNDECODABLE, 10);

    const report = sut.flush(meta);

    expect(report.transport.tcp).toEqual({ bytes: 1574, packets: 2 });
    expect(report.transport.udp).toEqual({ bytes: 100, packets: 1 });
    expect(report.transport.arp).toEqual({ bytes: 42, packets: 1 });
    expect(report.transport.icmpv6).toEqual({ bytes: 0, packets: 0 });
    expect(report.totals).toEqual({ bytes: 1726, packets: 5 });
    expect(report.undecodable).toBe(1);
    expect(report.intervalStart).toBe(1_000);
    expect(report.intervalEnd).toBe(2_000);
  });

  it('produces a report the contracts schema accepts, even with zero traffic', () => {
    sut.add(SLOT_ICMPV6, 90);

    expect(validate(statsReportSchema, sut.flush(meta), 'report').ok).toBeTrue();
    expect(validate(statsReportSchema, sut.flush({ ...meta, seq: 6 }), 'report').ok).toBeTrue();
  });

  it('starts the next interval where the flushed one ended, with cleared counters', () => {
    sut.add(SLOT_UDP, 100);
    sut.flush(meta);

    const next = sut.flush({ ...meta, intervalEnd: 3_000, seq: 6 });

    expect(next.intervalStart).toBe(2_000);
    expect(next.totals).toEqual({ bytes: 0, packets: 0 });
    expect(next.transport.udp.packets).toBe(0);
  });

  it('never ends an interval before it started when the clock steps back', () => {
    const report = sut.flush({ ...meta, intervalEnd: 500 });

    expect(report.intervalEnd).toBe(1_000);
  });

  it('reset drops the counters and moves the interval start', () => {
    sut.add(SLOT_TCP, 60);
    sut.reset(5_000);

    const report = sut.flush({ ...meta, intervalEnd: 6_000 });

    expect(report.totals.packets).toBe(0);
    expect(report.intervalStart).toBe(5_000);
  });
});
