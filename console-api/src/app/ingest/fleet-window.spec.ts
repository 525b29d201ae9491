import { emptyStatsReport } from '@nta/contracts';
import { FleetWindow } from './fleet-window';

const NOW = 1_700_000_100_000;

const report = (agentId: string, secondsAgo: number, bytes: number) => {
  const start = NOW - secondsAgo * 1000;
  const r = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: start + 1000,
    intervalStart: start,
    seq: secondsAgo,
  });
  r.totals = { bytes, packets: 1 };
  r.transport.tcp = { bytes, packets: 1 };
  return r;
};

describe(FleetWindow.name, () => {
  it('sums the last minute across agents, by transport too', () => {
    const sut = new FleetWindow();
    sut.add(report('a', 10, 100), NOW);
    sut.add(report('b', 10, 50), NOW);
    sut.add(report('a', 59, 7), NOW);

    const read = sut.read(NOW);

    expect(read.totals).toEqual({ bytes: 157, packets: 3 });
    expect(read.transport.tcp).toEqual({ bytes: 157, packets: 3 });
    expect(read.transport.udp).toEqual({ bytes: 0, packets: 0 });
  });

  it('ignores replays older than the window and forgets seconds as they age out', () => {
    const sut = new FleetWindow();
    sut.add(report('a', 600, 100), NOW);
    sut.add(report('a', 30, 5), NOW);

    expect(sut.read(NOW).totals.bytes).toBe(5);
    expect(sut.read(NOW + 31_000).totals.bytes).toBe(0);
  });

  it('rates over settled seconds only', () => {
    const sut = new FleetWindow();
    for (let ago = 0; ago < 10; ago++) sut.add(report('a', ago, 1000), NOW);

    // Seconds 2..6 ago: five seconds of 1000 bytes.
    expect(sut.read(NOW).rate).toEqual({ bytesPerSec: 1000, packetsPerSec: 1 });
  });
});
