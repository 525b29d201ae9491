// Reads a capture file batch by batch: through libpcap (the native addon, the live capture's
// batch path) when it is built, else through the agent's own PcapFileReader in the same shape.
import type { CaptureBackendChoice } from '../config/agent-config';
import type { BatchSink, PacketBatch } from './native-batch';
import { type NativeAvailability, nativeCaptureAvailability } from './native-binding';
import { NativeFileReader } from './native-file';
import { PcapFileReader } from './pcap-file';

export type FileReaderName = 'libpcap' | 'pcap-file';

export interface CaptureFileSummary {
  // A read problem after which the rest of the file was skipped (e.g. a cut file).
  error: string | null;
  linkTypes: number[];
  packets: number;
  reader: FileReaderName;
}

export interface CaptureFileOptions {
  availability?: () => NativeAvailability;
  // As for live capture: native = libpcap, cap = the portable reader, auto = libpcap when built.
  backend: CaptureBackendChoice;
  filter: string | null;
}

const FALLBACK_BATCH = 1024;

/** Rejects with a one-line message when the file cannot be opened or read at all. */
export async function readCaptureFile(
  path: string,
  onBatch: BatchSink,
  opts: CaptureFileOptions,
): Promise<CaptureFileSummary> {
  const state = (opts.availability ?? nativeCaptureAvailability)();
  if (opts.backend === 'native' && !state.available) {
    throw new Error(
      `native capture unavailable: ${state.reason}; build it with: cd agent/native && npx --no-install node-gyp rebuild`,
    );
  }
  if (state.available && opts.backend !== 'cap') {
    const reader = new NativeFileReader({ binding: state.module, filter: opts.filter });
    const summary = await reader.read(path, onBatch);
    return {
      error: summary.error,
      linkTypes: [summary.linkType],
      packets: summary.packets,
      reader: 'libpcap',
    };
  }
  if (opts.filter !== null) {
    const why = state.available ? 'not with --backend cap' : state.reason;
    throw new Error(`a filter on a capture file needs the native addon (${why}); drop --filter`);
  }
  return readWithPcapFileReader(path, onBatch);
}

// The file's records as batches over the file's own bytes: a new batch whenever the link type
// changes (pcapng may mix interfaces), so each batch has one link type as the addon's do.
function readWithPcapFileReader(path: string, onBatch: BatchSink): CaptureFileSummary {
  let reader: PcapFileReader;
  try {
    reader = PcapFileReader.open(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${path}: ${code ?? (e as Error).message}`, { cause: e });
  }
  if (reader.format === 'unknown') throw new Error(`${path}: not a pcap or pcapng file`);
  let batch: PacketBatch | null = null;
  const linkTypes = new Set<number>();
  let packets = 0;
  const emit = () => {
    if (batch && batch.count > 0) onBatch(batch);
    if (batch) batch.count = 0;
  };
  for (const record of reader.records()) {
    if (batch === null || batch.linkType !== record.linkType) {
      emit();
      batch = emptyBatch(record.data, record.linkType);
      linkTypes.add(record.linkType);
    }
    const i = batch.count++;
    batch.offsets[i] = record.data.byteOffset;
    batch.caplens[i] = record.caplen;
    batch.origLens[i] = record.origLen;
    batch.tsMs[i] = record.tsMs;
    packets++;
    if (batch.count === FALLBACK_BATCH) emit();
  }
  emit();
  return { error: reader.error, linkTypes: [...linkTypes], packets, reader: 'pcap-file' };
}

function emptyBatch(data: Buffer, linkType: number): PacketBatch {
  return {
    // The whole file buffer: the records' offsets are positions in it.
    buffer: Buffer.from(data.buffer, 0, data.buffer.byteLength),
    caplens: new Uint32Array(FALLBACK_BATCH),
    count: 0,
    linkType,
    offsets: new Uint32Array(FALLBACK_BATCH),
    origLens: new Uint32Array(FALLBACK_BATCH),
    snapLength: 0,
    tsMs: new Float64Array(FALLBACK_BATCH),
  };
}
