import type { CaptureState } from '@nta/contracts';

/** What the command handler and runtime need from a capture; CapSource is the real one. */
export interface CaptureControl {
  readonly state: CaptureState;
  /** Validates the filter (by opening when it can) and applies it; throws CaptureError. */
  setFilter(filter: string | null): CaptureState;
  /** Starts on `iface` (or the current choice); throws CaptureError and keeps the old capture. */
  start(iface?: string): CaptureState;
  stop(): CaptureState;
}
