import { InterfaceCounters } from './interface-counters';

describe(InterfaceCounters.name, () => {
  let files: Record<string, string>;
  const read = (path: string) => files[path] ?? null;
  const stats = (iface: string, rx: number, tx: number, flags = '0x1003') => {
    files[`/sys/class/net/${iface}/statistics/rx_packets`] = String(rx);
    files[`/sys/class/net/${iface}/statistics/tx_packets`] = String(tx);
    files[`/sys/class/net/${iface}/flags`] = flags;
  };

  beforeEach(() => (files = {}));

  it('counts rx + tx packets between reads', () => {
    stats('eth0', 100, 50);
    const sut = new InterfaceCounters('eth0', read);
    stats('eth0', 160, 70);

    expect(sut.delta()).toBe(80);
    expect(sut.delta()).toBe(0);
  });

  it('counts loopback once (its packets are in both rx and tx)', () => {
    stats('lo', 10, 10, '0x9');
    const sut = new InterfaceCounters('lo', read);
    stats('lo', 25, 25, '0x9');

    expect(sut.delta()).toBe(15);
  });

  it('is null for `any`, a missing interface, and starts over after a counter reset', () => {
    expect(new InterfaceCounters('any', read).delta()).toBeNull();
    expect(new InterfaceCounters('nope0', read).delta()).toBeNull();
    stats('eth1', 1000, 1000);
    const sut = new InterfaceCounters('eth1', read);
    stats('eth1', 5, 5);

    expect(sut.delta()).toBe(10);
  });
});
