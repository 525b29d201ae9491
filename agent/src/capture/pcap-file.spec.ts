import { PcapFileReader, type PcapRecord } from './pcap-file';

// Hand-built capture files: a classic pcap writer and a pcapng block writer, both byte orders.
function u16(v: number, le: boolean): Buffer {
  const b = Buffer.alloc(2);
  if (le) b.writeUInt16LE(v);
  else b.writeUInt16BE(v);
  return b;
}
function u32(v: number, le: boolean): Buffer {
  const b = Buffer.alloc(4);
  if (le) b.writeUInt32LE(v >>> 0);
  else b.writeUInt32BE(v >>> 0);
  return b;
}

interface Packet {
  data: number[];
  origLen?: number;
  sec: number;
  frac: number;
}

function classicPcap(magic: number, le: boolean, linkType: number, packets: Packet[]): Buffer {
  const parts = [
    u32(magic, le),
    u16(2, le),
    u16(4, le),
    u32(0, le),
    u32(0, le),
    u32(65535, le),
    u32(linkType, le),
  ];
  for (const p of packets) {
    parts.push(u32(p.sec, le), u32(p.frac, le), u32(p.data.length, le));
    parts.push(u32(p.origLen ?? p.data.length, le), Buffer.from(p.data));
  }
  return Buffer.concat(parts);
}

function block(type: number, body: Buffer, le: boolean): Buffer {
  const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
  const length = padded.length + 12;
  return Buffer.concat([u32(type, le), u32(length, le), padded, u32(length, le)]);
}
const shb = (le: boolean) =>
  block(
    0x0a0d0d0a,
    Buffer.concat([u32(0x1a2b3c4d, le), u16(1, le), u16(0, le), Buffer.alloc(8, 0xff)]),
    le,
  );
function idb(linkType: number, le: boolean, tsresol?: number, snapLength = 0): Buffer {
  const options =
    tsresol === undefined
      ? []
      : [u16(9, le), u16(1, le), Buffer.from([tsresol, 0, 0, 0]), u16(0, le), u16(0, le)];
  return block(
    1,
    Buffer.concat([u16(linkType, le), u16(0, le), u32(snapLength, le), ...options]),
    le,
  );
}
function epb(
  iface: number,
  ts: bigint,
  data: number[],
  le: boolean,
  origLen = data.length,
): Buffer {
  const high = Number(ts >> 32n);
  const low = Number(ts & 0xffffffffn);
  const header = [
    u32(iface, le),
    u32(high, le),
    u32(low, le),
    u32(data.length, le),
    u32(origLen, le),
  ];
  return block(6, Buffer.concat([...header, Buffer.from(data)]), le);
}
const spb = (data: number[], origLen: number, le: boolean) =>
  block(3, Buffer.concat([u32(origLen, le), Buffer.from(data)]), le);

function readAll(file: Buffer): { reader: PcapFileReader; records: PcapRecord[] } {
  const reader = new PcapFileReader(file);
  return { reader, records: [...reader.records()] };
}

describe(PcapFileReader.name, () => {
  const packets: Packet[] = [
    { data: [1, 2, 3, 4], frac: 500_000, origLen: 60, sec: 1_700_000_000 },
    { data: [5, 6], frac: 250, sec: 1_700_000_001 },
  ];

  it('reads classic pcap in both byte orders with micro- and nanosecond timestamps', () => {
    for (const le of [true, false]) {
      const micro = readAll(classicPcap(0xa1b2c3d4, le, 1, packets));
      expect(micro.reader.format).toBe('pcap');
      expect(micro.reader.errors).toBe(0);
      expect(micro.records.map((r) => [r.linkType, r.caplen, r.origLen, [...r.data]])).toEqual([
        [1, 4, 60, [1, 2, 3, 4]],
        [1, 2, 2, [5, 6]],
      ]);
      expect(micro.records[0].tsMs).toBe(1_700_000_000_500);

      const nano = readAll(classicPcap(0xa1b23c4d, le, 113, packets));
      expect(nano.records[1].linkType).toBe(113);
      expect(nano.records[1].tsMs - 1_700_000_001_000).toBeCloseTo(0.00025, 3);
    }
  });

  it('returns views into the file buffer, not copies', () => {
    const file = classicPcap(0xa1b2c3d4, true, 1, packets);
    const [first] = readAll(file).records;

    file[24 + 16] = 99;
    expect(first.data[0]).toBe(99);
  });

  it('masks the FCS flag bits off the classic link type', () => {
    const { records } = readAll(classicPcap(0xa1b2c3d4, true, 0x30000001, packets));

    expect(records[0].linkType).toBe(1);
  });

  it('stops with one error at a truncated record, keeping the records before it', () => {
    const file = classicPcap(0xa1b2c3d4, true, 1, packets);
    for (const cut of [file.length - 1, file.length - 2 - 5]) {
      const { reader, records } = readAll(file.subarray(0, cut));
      expect(records.length).toBe(1);
      expect(reader.errors).toBe(1);
      expect(reader.error).toMatch(/truncated at byte 44/);
    }
    expect(readAll(file.subarray(0, 10)).reader.error).toMatch(/file header truncated/);
  });

  it('stops at an implausible record length and rejects an unknown magic', () => {
    const file = classicPcap(0xa1b2c3d4, true, 1, packets);
    file.writeUInt32LE(0xfffffff0, 24 + 8);
    expect(readAll(file).reader.error).toMatch(/implausible/);

    const { reader, records } = readAll(Buffer.from('hello world, not a capture'));
    expect(reader.format).toBe('unknown');
    expect(records).toEqual([]);
    expect(reader.errors).toBe(1);
  });

  it('reads pcapng with per-interface link types and timestamp resolution, both byte orders', () => {
    for (const le of [true, false]) {
      const file = Buffer.concat([
        shb(le),
        idb(1, le),
        idb(113, le, 9),
        block(0x80000001, Buffer.from([1, 2, 3, 4]), le),
        epb(0, 1_700_000_000_123_456n, [1, 2, 3], le, 64),
        epb(1, 1_700_000_000_123_456_789n, [4, 5], le),
      ]);
      const { reader, records } = readAll(file);

      expect(reader.format).toBe('pcapng');
      expect(reader.errors).withContext(String(reader.error)).toBe(0);
      expect(records.map((r) => [r.linkType, r.caplen, r.origLen, [...r.data]])).toEqual([
        [1, 3, 64, [1, 2, 3]],
        [113, 2, 2, [4, 5]],
      ]);
      expect(records[0].tsMs).toBeCloseTo(1_700_000_000_123.456, 3);
      expect(records[1].tsMs).toBeCloseTo(1_700_000_000_123.4568, 3);
    }
  });

  it('reads simple packet blocks and restarts interfaces at each section', () => {
    const file = Buffer.concat([
      shb(true),
      idb(1, true, undefined, 2),
      spb([9, 8, 7], 100, true),
      shb(false),
      idb(101, false),
      epb(0, 0n, [0x45], false),
    ]);
    const { reader, records } = readAll(file);

    expect(reader.errors).toBe(0);
    expect(records.map((r) => [r.linkType, r.caplen, r.origLen])).toEqual([
      [1, 2, 100],
      [101, 1, 1],
    ]);
  });

  it('counts a packet of an undeclared interface and stops at a corrupt block length', () => {
    const good = epb(0, 0n, [1], true);
    const file = Buffer.concat([shb(true), idb(1, true), epb(3, 0n, [1], true), good, good]);
    const badLength = Buffer.from(file);
    badLength.writeUInt32LE(7, file.length - good.length + 4);

    const orphan = readAll(file);
    expect(orphan.records.length).toBe(2);
    expect(orphan.reader.errors).toBe(1);
    expect(orphan.reader.error).toMatch(/undeclared interface 3/);

    const corrupt = readAll(badLength);
    expect(corrupt.records.length).toBe(1);
    expect(corrupt.reader.errors).toBe(2);
  });

  it('never throws on any truncation or byte flip of a pcapng file', () => {
    const file = Buffer.concat([shb(true), idb(1, true, 6), epb(0, 5n, [1, 2, 3, 4, 5], true)]);
    for (let cut = 0; cut <= file.length; cut++) {
      expect(() => readAll(file.subarray(0, cut))).not.toThrow();
    }
    for (let i = 0; i < file.length; i++) {
      const flipped = Buffer.from(file);
      flipped[i] ^= 0xff;
      expect(() => readAll(flipped))
        .withContext(`byte ${i}`)
        .not.toThrow();
    }
  });
});
