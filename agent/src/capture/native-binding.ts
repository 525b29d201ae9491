// Typed access to the agent's own libpcap addon (agent/native, package @nta/pcap-native).
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface NativeLiveOptions {
  batchBytes?: number;
  batchPackets?: number;
  bufferSize?: number;
  device: string;
  filter?: string | null;
  immediate?: boolean;
  promisc?: boolean;
  snaplen?: number;
  timeoutMs?: number;
}

export interface NativeOfflineOptions {
  batchBytes?: number;
  batchPackets?: number;
  filter?: string | null;
}

/** Cumulative libpcap counters of one handle (pcap_stats), plus packets cut for batch room. */
export interface NativeStats {
  clipped: number;
  dropped: number;
  ifDropped: number;
  received: number;
}

/** One open libpcap handle; its typed arrays alias the native batch and are refilled per batch. */
export interface NativeHandle {
  readonly batchPackets: number;
  readonly caplens: Uint32Array;
  readonly data: ArrayBuffer;
  readonly offsets: Uint32Array;
  readonly origLens: Uint32Array;
  readonly tsMs: Float64Array;
  /** Idempotent; true when this call closed the handle. */
  close(): boolean;
  linkType(): number;
  setFilter(filter: string | null): void;
  snapLength(): number;
  /** onEnd gets null at the end of a file, an Error when the capture failed; never after close(). */
  start(onBatch: (count: number) => void, onEnd: (error: Error | null) => void): void;
  stats(): NativeStats;
}

export interface PcapNativeModule {
  libVersion(): string;
  openLive(options: NativeLiveOptions): NativeHandle;
  openOffline(path: string, options?: NativeOfflineOptions): NativeHandle;
}

/** Error codes the addon sets on the errors it throws. */
export type NativeErrorCode =
  | 'BAD_FILTER'
  | 'CAPTURE_FAILED'
  | 'CLOSED'
  | 'INTERFACE_DOWN'
  | 'INVALID_ARGUMENT'
  | 'NO_SUCH_DEVICE'
  | 'OPEN_FAILED'
  | 'PERMISSION_DENIED'
  | 'READ_FAILED'
  | 'STATS_UNAVAILABLE';

export function nativeErrorCode(e: unknown): NativeErrorCode | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (code as NativeErrorCode) : null;
}

/** libpcap's own text of an open error (without the addon's wording), when it has one. */
export function nativeErrorDetail(e: unknown): string | null {
  const detail = (e as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' ? detail : null;
}

export type NativeAvailability =
  | { available: true; module: PcapNativeModule; version: string }
  | { available: false; reason: string };

const load = createRequire(__filename);
// The workspace package when installed, else the source tree (same depth from src/ and dist/).
const CANDIDATES = ['@nta/pcap-native', join(__dirname, '..', '..', 'native')];
let availability: NativeAvailability | null = null;

function isMissingModule(e: unknown, specifier: string): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' && String(e).includes(specifier);
}

/** Loads the addon once; never throws, so `capture.backend=auto` can fall back to `cap`. */
export function nativeCaptureAvailability(): NativeAvailability {
  if (availability) return availability;
  let reason = 'agent/native is missing';
  for (const specifier of CANDIDATES) {
    try {
      const module = load(specifier) as PcapNativeModule;
      availability = { available: true, module, version: module.libVersion() };
      return availability;
    } catch (e) {
      // A missing package name just means "not installed as a workspace": try the next one.
      if (isMissingModule(e, specifier)) continue;
      reason = e instanceof Error ? e.message : String(e);
      break;
    }
  }
  availability = { available: false, reason };
  return availability;
}

/** The addon, or an Error whose message says why it is unavailable and how to build it. */
export function loadPcapNative(): PcapNativeModule {
  const state = nativeCaptureAvailability();
  if (!state.available) throw new Error(`native capture unavailable: ${state.reason}`);
  return state.module;
}
