// Reads capture files (classic pcap and pcapng) from memory, record by record. Packet bytes are
// views into the file buffer, never copies; a cut or corrupt file ends the walk with an error
// count and a message instead of an exception.
import { readFileSync } from 'node:fs';

export interface PcapRecord {
  caplen: number;
  // A view of the captured bytes inside the file buffer.
  data: Buffer;
  // LINKTYPE_* of the record's interface (FCS flag bits of classic pcap masked off).
  linkType: number;
  origLen: number;
  tsMs: number;
}

export type PcapFormat = 'pcap' | 'pcapng' | 'unknown';

const PCAP_MICRO = 0xa1b2c3d4;
const PCAP_NANO = 0xa1b23c4d;
// Alexey Kuznetzov's patched libpcap: 8 more bytes per record header.
const PCAP_KUZNETZOV = 0xa1b2cd34;
const PCAP_FILE_HEADER = 24;
const PCAP_RECORD_HEADER = 16;
// libpcap keeps the link type in the low 26 bits; the rest flags an FCS.
const LINKTYPE_MASK = 0x03ffffff;
// Larger than any snap length a capture tool writes; beyond it the header is garbage.
const MAX_RECORD = 64 * 1024 * 1024;

const BLOCK_SHB = 0x0a0d0d0a;
const BLOCK_IDB = 1;
const BLOCK_OPB = 2;
const BLOCK_SPB = 3;
const BLOCK_EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;

const rd16 = (b: Buffer, off: number, le: boolean) =>
  le ? b.readUInt16LE(off) : b.readUInt16BE(off);
const rd32 = (b: Buffer, off: number, le: boolean) =>
  le ? b.readUInt32LE(off) : b.readUInt32BE(off);

interface PcapngInterface {
  linkType: number;
  snapLength: number;
  tsOffsetMs: number;
  unitsPerMs: number;
}

export class PcapFileReader {
  // First problem met, with its byte offset; null while the file reads cleanly.
  error: string | null = null;
  errors = 0;
  readonly format: PcapFormat;

  constructor(private readonly bytes: Buffer) {
    this.format = detectFormat(bytes);
  }

  static open(path: string): PcapFileReader {
    return new PcapFileReader(readFileSync(path));
  }

  *records(): Generator<PcapRecord> {
    if (this.format === 'pcap') yield* this.pcapRecords();
    else if (this.format === 'pcapng') yield* this.pcapngRecords();
    else this.fail(0, 'not a pcap or pcapng file (unknown magic number)');
  }

  private fail(offset: number, message: string): void {
    this.errors++;
    this.error ??= `${message} at byte ${offset}`;
  }

  private *pcapRecords(): Generator<PcapRecord> {
    const b = this.bytes;
    if (b.length < PCAP_FILE_HEADER) {
      this.fail(0, 'file header truncated');
      return;
    }
    const le =
      b.readUInt32LE(0) === PCAP_MICRO ||
      b.readUInt32LE(0) === PCAP_NANO ||
      b.readUInt32LE(0) === PCAP_KUZNETZOV;
    const magic = le ? b.readUInt32LE(0) : b.readUInt32BE(0);
    const u32 = (off: number) => (le ? b.readUInt32LE(off) : b.readUInt32BE(off));
    const fractionPerMs = magic === PCAP_NANO ? 1e6 : 1e3;
    const recordHeader = magic === PCAP_KUZNETZOV ? PCAP_RECORD_HEADER + 8 : PCAP_RECORD_HEADER;
    const linkType = u32(20) & LINKTYPE_MASK;
    let off = PCAP_FILE_HEADER;
    while (off < b.length) {
      if (off + recordHeader > b.length) {
        this.fail(off, 'record header truncated');
        return;
      }
      const caplen = u32(off + 8);
      if (caplen > MAX_RECORD) {
        this.fail(off, `record length ${caplen} is implausible`);
        return;
      }
      const data = off + recordHeader;
      if (data + caplen > b.length) {
        this.fail(off, 'record data truncated');
        return;
      }
      yield {
        caplen,
        data: b.subarray(data, data + caplen),
        linkType,
        origLen: u32(off + 12),
        tsMs: u32(off) * 1000 + u32(off + 4) / fractionPerMs,
      };
      off = data + caplen;
    }
  }

  private *pcapngRecords(): Generator<PcapRecord> {
    const b = this.bytes;
    let le = true;
    let interfaces: PcapngInterface[] = [];
    const u32 = (at: number) => rd32(b, at, le);
    let off = 0;
    while (off < b.length) {
      if (off + 12 > b.length) {
        this.fail(off, 'block header truncated');
        return;
      }
      const type = b.readUInt32LE(off);
      if (type === BLOCK_SHB) {
        const order = b.readUInt32LE(off + 8);
        if (order !== BYTE_ORDER_MAGIC && b.readUInt32BE(off + 8) !== BYTE_ORDER_MAGIC) {
          this.fail(off, 'section header with an unknown byte-order magic');
          return;
        }
        le = order === BYTE_ORDER_MAGIC;
        interfaces = [];
      }
      const blockType = u32(off);
      const length = u32(off + 4);
      if (length < 12 || length % 4 !== 0 || off + length > b.length) {
        this.fail(off, `block length ${length} is invalid`);
        return;
      }
      if (u32(off + length - 4) !== length) {
        this.fail(off, 'block trailer length differs from its header');
        return;
      }
      const end = off + length - 4;
      if (blockType === BLOCK_IDB) {
        if (off + 16 > end) this.fail(off, 'interface description truncated');
        else interfaces.push(readInterface(b, off, end, le));
      } else if (blockType === BLOCK_EPB || blockType === BLOCK_OPB) {
        const record = this.packetBlock(off, end, blockType, interfaces, le);
        if (record) yield record;
      } else if (blockType === BLOCK_SPB) {
        const iface = interfaces[0];
        if (!iface || off + 12 > end) {
          this.fail(off, 'simple packet block without an interface');
        } else {
          const origLen = u32(off + 8);
          let caplen = Math.min(origLen, end - (off + 12));
          if (iface.snapLength > 0) caplen = Math.min(caplen, iface.snapLength);
          const data = b.subarray(off + 12, off + 12 + caplen);
          yield { caplen, data, linkType: iface.linkType, origLen, tsMs: 0 };
        }
      }
      off += length;
    }
  }

  // Enhanced (6) and obsolete (2) packet blocks differ only in the interface id's width.
  private packetBlock(
    off: number,
    end: number,
    blockType: number,
    interfaces: PcapngInterface[],
    le: boolean,
  ): PcapRecord | null {
    const u32 = (at: number) => rd32(this.bytes, at, le);
    if (off + 28 > end) {
      this.fail(off, 'packet block truncated');
      return null;
    }
    const id = blockType === BLOCK_EPB ? u32(off + 8) : rd16(this.bytes, off + 8, le);
    const iface = interfaces[id];
    const caplen = u32(off + 20);
    if (!iface) {
      this.fail(off, `packet block for undeclared interface ${id}`);
      return null;
    }
    if (off + 28 + caplen > end) {
      this.fail(off, `packet block captured length ${caplen} exceeds the block`);
      return null;
    }
    const ts = u32(off + 12) * 4294967296 + u32(off + 16);
    return {
      caplen,
      data: this.bytes.subarray(off + 28, off + 28 + caplen),
      linkType: iface.linkType,
      origLen: u32(off + 24),
      tsMs: ts / iface.unitsPerMs + iface.tsOffsetMs,
    };
  }
}

function detectFormat(b: Buffer): PcapFormat {
  if (b.length < 4) return 'unknown';
  if (b.readUInt32LE(0) === BLOCK_SHB) return 'pcapng';
  for (const magic of [PCAP_MICRO, PCAP_NANO, PCAP_KUZNETZOV]) {
    if (b.readUInt32LE(0) === magic || b.readUInt32BE(0) === magic) return 'pcap';
  }
  return 'unknown';
}

// Link type, snap length and the timestamp options (resolution, offset) of an IDB.
function readInterface(b: Buffer, off: number, end: number, le: boolean): PcapngInterface {
  const iface: PcapngInterface = {
    linkType: rd16(b, off + 8, le),
    snapLength: rd32(b, off + 12, le),
    tsOffsetMs: 0,
    unitsPerMs: 1e3,
  };
  let pos = off + 16;
  while (pos + 4 <= end) {
    const code = rd16(b, pos, le);
    const length = rd16(b, pos + 2, le);
    const value = pos + 4;
    if (code === 0 || value + length > end) break;
    if (code === OPTION_TSRESOL && length >= 1) {
      const r = b[value];
      const unitsPerSecond = (r & 0x80) !== 0 ? 2 ** (r & 0x7f) : 10 ** r;
      iface.unitsPerMs = unitsPerSecond / 1000;
    } else if (code === OPTION_TSOFFSET && length >= 8) {
      const high = rd32(b, le ? value + 4 : value, le);
      const low = rd32(b, le ? value : value + 4, le);
      iface.tsOffsetMs = (high * 4294967296 + low) * 1000;
    }
    pos = value + ((length + 3) & ~3);
  }
  return iface;
}
