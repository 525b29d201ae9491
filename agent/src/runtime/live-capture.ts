import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import {
  type CaptureListener,
  CapSource,
  DEFAULT_CAPTURE_BUFFER_BYTES,
} from '../capture/cap-source';
import type { CaptureControl } from '../capture/capture-control';
import {
  type NativeAvailability,
  nativeCaptureAvailability,
  type PcapNativeModule,
} from '../capture/native-binding';
import { NativeSource } from '../capture/native-source';
import type { Logger } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { createBatchPipeline, createPacketPipeline } from './packet-pipeline';

export type CaptureBackendName = 'cap' | 'native';

/** The capture behind the runtime, whichever backend it is. */
export interface LiveCapture {
  readonly backend: CaptureBackendName;
  readonly control: CaptureControl;
  /** Packets the kernel dropped since the previous call; null when the backend cannot tell. */
  takeDrops(): number | null;
}

export type CaptureSettings = Pick<
  AgentConfig,
  'bufferMb' | 'captureBackend' | 'promisc' | 'snapLength'
> &
  Partial<Pick<AgentConfig, 'explicit'>>;

export interface LiveCaptureOptions {
  accumulator: StatsAccumulator;
  // The addon loader; specs pass their own.
  availability?: () => NativeAvailability;
  filter: string | null;
  interface: string | null;
  listener: CaptureListener;
  log: Logger;
  settings: CaptureSettings;
}

const MIB = 1024 * 1024;
const BUILD_HINT = 'build it with: cd agent/native && npx --no-install node-gyp rebuild';

/**
 * `native` (batched, libpcap's own timestamps and wire lengths) or `cap` (one call per packet),
 * behind the same CaptureControl. `auto` takes native when the addon loads, else says why not
 * in one line and uses cap; an explicit `native` that cannot load fails at start() instead.
 */
// Stands in for an addon that did not load, so start() fails with the loader's reason.
function unavailable(reason: string): PcapNativeModule {
  const fail = (): never => {
    throw new Error(`native capture unavailable: ${reason}; ${BUILD_HINT}`);
  };
  return { libVersion: fail, openLive: fail, openOffline: fail };
}

export function createLiveCapture(opts: LiveCaptureOptions): LiveCapture {
  const { accumulator, filter, listener, log, settings } = opts;
  const state = (opts.availability ?? nativeCaptureAvailability)();
  const useNative =
    settings.captureBackend === 'native' || (settings.captureBackend === 'auto' && state.available);
  if (useNative) {
    const source = new NativeSource({
      binding: state.available ? state.module : unavailable(state.reason),
      bufferSize: settings.bufferMb * MIB,
      filter,
      interface: opts.interface,
      listener,
      log,
      onBatch: createBatchPipeline(accumulator),
      promisc: settings.promisc,
      snapLength: settings.snapLength,
    });
    if (state.available) {
      log.info(
        `capture backend: native (${state.version}; batched, snap length ${settings.snapLength},` +
          ` ring ${settings.bufferMb} MiB${settings.promisc ? '' : ', not promiscuous'})`,
      );
    } else {
      log.error(`capture backend: native is unavailable (${state.reason}); ${BUILD_HINT}`);
    }
    return { backend: 'native', control: source, takeDrops: () => source.takeDrops() };
  }
  const source = new CapSource({
    // cap's immediate-mode ring holds 64 KiB slots: the native default would hold ~120 packets.
    bufferSize: settings.explicit?.includes('bufferMb')
      ? settings.bufferMb * MIB
      : DEFAULT_CAPTURE_BUFFER_BYTES,
    filter,
    interface: opts.interface,
    listener,
    log,
    onPacket: createPacketPipeline(accumulator),
  });
  if (settings.captureBackend === 'auto' && !state.available) {
    log.warn(
      `capture backend: cap, the native addon is unavailable (${state.reason}); ${BUILD_HINT}`,
    );
  } else {
    log.info('capture backend: cap (one call per packet; snap length 65535, always promiscuous)');
  }
  return { backend: 'cap', control: source, takeDrops: () => null };
}
