import { crc32 } from 'node:zlib';

// One record: magic, payload length, seq (float64: seqs start at epoch seconds), crc32 of the
// seq bytes and payload, then the payload (the report's JSON, exactly as published).
export const RECORD_MAGIC = 0x4e544131; // "NTA1"
export const RECORD_HEADER_BYTES = 20;
// A report is at most a few hundred KiB; anything bigger in a header is corruption.
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export interface RecordRef {
  length: number;
  offset: number;
  seq: number;
}

export function encodeRecord(seq: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  out.writeUInt32LE(RECORD_MAGIC, 0);
  out.writeUInt32LE(payload.length, 4);
  out.writeDoubleLE(seq, 8);
  payload.copy(out, RECORD_HEADER_BYTES);
  out.writeUInt32LE(checksum(out, payload.length), 16);
  return out;
}

/**
 * Walks a segment's bytes and returns its intact records; `validBytes` is where the first torn
 * or corrupt record starts (the file length when every record is whole).
 */
export function scanRecords(data: Buffer): { records: RecordRef[]; validBytes: number } {
  const records: RecordRef[] = [];
  let at = 0;
  while (at + RECORD_HEADER_BYTES <= data.length) {
    if (data.readUInt32LE(at) !== RECORD_MAGIC) break;
    const length = data.readUInt32LE(at + 4);
    if (length > MAX_RECORD_BYTES || at + RECORD_HEADER_BYTES + length > data.length) break;
    const record = data.subarray(at, at + RECORD_HEADER_BYTES + length);
    if (record.readUInt32LE(16) !== checksum(record, length)) break;
    records.push({ length, offset: at + RECORD_HEADER_BYTES, seq: record.readDoubleLE(8) });
    at += RECORD_HEADER_BYTES + length;
  }
  return { records, validBytes: at };
}

function checksum(record: Buffer, length: number): number {
  const seqBytes = record.subarray(8, 16);
  const payload = record.subarray(RECORD_HEADER_BYTES, RECORD_HEADER_BYTES + length);
  return crc32(payload, crc32(seqBytes));
}
