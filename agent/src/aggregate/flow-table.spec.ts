import { FlowTuple } from '../decode/frame-info';
import {
  C_BYTES_AB,
  C_PACKETS_AB,
  FLOW_STRIDE,
  FlowTable,
  SIDE_LOCAL,
  SIDE_OWN,
} from './flow-table';
import { parseAddress } from './ip-address';

function tuple(src: string, sport: number, dst: string, dport: number, proto = 6): FlowTuple {
  const t = new FlowTuple();
  const s = parseAddress(src)!;
  const d = parseAddress(dst)!;
  t.ipVersion = s.version;
  t.src.set(s.words);
  t.dst.set(d.words);
  t.srcPort = sport;
  t.dstPort = dport;
  t.ipProto = proto;
  return t;
}

describe(FlowTable.name, () => {
  const own = parseAddress('10.0.0.5')!.words[0];
  const sideOf = (w: Uint32Array, v: number) =>
    v === 4 && w[0] === own
      ? SIDE_OWN | SIDE_LOCAL
      : v === 4 && w[0] >>> 24 === 10
        ? SIDE_LOCAL
        : 0;
  let sut: FlowTable;
  const setTraffic = (e: number, packets: number, bytes: number) => {
    sut.counters[e * FLOW_STRIDE + C_PACKETS_AB] = packets;
    sut.counters[e * FLOW_STRIDE + C_BYTES_AB] = bytes;
  };

  beforeEach(
    () => (sut = new FlowTable({ capacity: 1024, idleMs: 60_000, inspections: 4, sideOf })),
  );

  it('keeps one bidirectional entry oriented by the first sender', () => {
    const e = sut.touch(tuple('10.0.0.5', 40000, '1.1.1.1', 443), 0, 1000);
    expect(sut.created).toBeTrue();
    expect(sut.forward).toBeTrue();

    expect(sut.touch(tuple('1.1.1.1', 443, '10.0.0.5', 40000), 0, 1001)).toBe(e);
    expect(sut.created).toBeFalse();
    expect(sut.forward).toBeFalse();
    expect(sut.touch(tuple('10.0.0.5', 40000, '1.1.1.1', 443), 0, 1002)).toBe(e);
    expect(sut.forward).toBeTrue();
    expect(sut.count).toBe(1);
    expect(sut.sides[e]).toBe(SIDE_OWN | SIDE_LOCAL);
  });

  it('tells flows apart by ports, protocol, tunnel and IP version', () => {
    const ids = new Set([
      sut.touch(tuple('10.0.0.5', 40000, '1.1.1.1', 443), 0, 1),
      sut.touch(tuple('10.0.0.5', 40001, '1.1.1.1', 443), 0, 1),
      sut.touch(tuple('10.0.0.5', 40000, '1.1.1.1', 443, 17), 0, 1),
      sut.touch(tuple('10.0.0.5', 40000, '1.1.1.1', 443), 1, 1),
      sut.touch(tuple('::a00:5', 40000, '::101:101', 443), 0, 1),
    ]);

    expect(ids.size).toBe(5);
    expect(sut.count).toBe(5);
  });

  it('forgets flows idle longer than the idle time at the end of an interval', () => {
    sut.touch(tuple('10.0.0.5', 1, '1.1.1.1', 2), 0, 1_000);
    const fresh = sut.touch(tuple('10.0.0.5', 3, '1.1.1.1', 4), 0, 50_000);

    sut.endInterval(70_000);

    expect(sut.count).toBe(1);
    expect(sut.touch(tuple('10.0.0.5', 3, '1.1.1.1', 4), 0, 70_001)).toBe(fresh);
    expect(sut.created).toBeFalse();
  });

  it('finds every flow again after its index grew with them', () => {
    sut = new FlowTable({ capacity: 8192, idleMs: 60_000, inspections: 4, sideOf });
    const t = tuple('10.0.0.5', 0, '9.9.9.9', 443);
    const entries: number[] = [];
    for (let n = 0; n < 5000; n++) {
      t.srcPort = 1000 + n;
      entries.push(sut.touch(t, 0, 1_000));
    }

    const again = entries.map((_, n) => {
      t.srcPort = 1000 + n;
      return sut.touch(t, 0, 2_000) === entries[n] && !sut.created;
    });
    expect(again.every(Boolean)).toBeTrue();
    expect(sut.count).toBe(5000);
    expect(sut.span).toBe(5000);
  });

  it('reuses the slots of forgotten flows before taking new ones', () => {
    const t = tuple('10.0.0.5', 0, '9.9.9.9', 443);
    for (let n = 0; n < 10; n++) {
      t.srcPort = 1000 + n;
      sut.touch(t, 0, 1_000);
    }
    sut.endInterval(100_000);

    t.srcPort = 5000;
    const e = sut.touch(t, 0, 100_000);

    expect(sut.created).toBeTrue();
    expect(e).toBeLessThan(10);
    expect(sut.span).toBe(10);
    expect(sut.count).toBe(1);
  });

  it('stays within its capacity on a scan, evicting idle flows first, then the smallest', () => {
    const big = sut.touch(tuple('10.0.0.5', 5000, '1.1.1.1', 443), 0, 100_000);
    setTraffic(big, 1000, 1_000_000);
    const idle = tuple('10.0.0.5', 6000, '2.2.2.2', 443);
    const i = sut.touch(idle, 0, 1);
    setTraffic(i, 1, 10_000_000);
    const t = tuple('10.0.0.5', 0, '9.9.9.9', 0);
    for (let n = 0; n < 100_000; n++) {
      t.dst[0] = 0x09000000 + n;
      t.dstPort = n & 0xffff;
      const e = sut.touch(t, 0, 100_000);
      setTraffic(e, 1, 60);
    }

    expect(sut.count).toBeLessThanOrEqual(sut.capacity);
    expect(sut.span).toBe(sut.capacity);
    expect(sut.evictions).toBeGreaterThan(100_000 - 1024);
    // The idle flow went despite its bytes; the big active one stayed.
    expect(sut.touch(tuple('10.0.0.5', 5000, '1.1.1.1', 443), 0, 100_001)).toBe(big);
    expect(sut.created).toBeFalse();
    sut.touch(idle, 0, 100_001);
    expect(sut.created).toBeTrue();
    // Evicted traffic is kept for the "others" buckets: nothing is lost.
    let live = 0;
    for (let e = 0; e < sut.capacity; e++) if (sut.live[e]) live += sut.packets(e);
    expect(live + sut.evictedOther.packets).toBe(1000 + 1 + 100_000);
  });
});
