// Reads a .pcap/.pcapng file through libpcap (pcap_open_offline) on the live capture's batch path.
import { errorMessage } from '../common/logger';
import { type BatchSink, startBatches } from './native-batch';
import { loadPcapNative, type NativeHandle, type PcapNativeModule } from './native-binding';

export interface NativeFileOptions {
  batchPackets?: number;
  binding?: PcapNativeModule;
  filter?: string | null;
}

export interface NativeFileSummary {
  batches: number;
  // libpcap's read error (e.g. a cut file), after the packets before it were delivered.
  error: string | null;
  linkType: number;
  packets: number;
}

export class NativeFileReader {
  constructor(private readonly opts: NativeFileOptions = {}) {}

  /** Delivers the file's packets batch by batch; rejects only when the file cannot be opened. */
  read(path: string, onBatch: BatchSink): Promise<NativeFileSummary> {
    return new Promise((resolve, reject) => {
      let handle: NativeHandle;
      try {
        const binding = this.opts.binding ?? loadPcapNative();
        handle = binding.openOffline(path, {
          batchPackets: this.opts.batchPackets,
          filter: this.opts.filter ?? null,
        });
      } catch (e) {
        reject(new Error(errorMessage(e)));
        return;
      }
      const summary: NativeFileSummary = {
        batches: 0,
        error: null,
        linkType: handle.linkType(),
        packets: 0,
      };
      const count: BatchSink = (batch) => {
        summary.batches++;
        summary.packets += batch.count;
        try {
          onBatch(batch);
        } catch (e) {
          // A failing consumer ends the read (no end callback follows a close).
          handle.close();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      startBatches(handle, count, (e) => {
        summary.error = e ? e.message : null;
        resolve(summary);
      });
    });
  }
}
