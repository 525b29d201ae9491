import type { CaptureState } from '@nta/contracts';
import type { CaptureControl } from './capture-control';
import { CaptureError } from './capture-error';

/** The state and start rules both capture sources (cap, native) share; they differ in opening. */
export abstract class CaptureSourceBase<Open extends { iface: string }> implements CaptureControl {
  protected current: Open | null = null;
  protected error: string | null = null;
  protected startedAt: number | null = null;

  constructor(
    protected filter: string | null,
    protected iface: string | null,
  ) {}

  get state(): CaptureState {
    return {
      error: this.error,
      filter: this.filter,
      interface: this.iface,
      running: this.current !== null,
      startedAt: this.startedAt,
    };
  }

  start(iface?: string): CaptureState {
    const target = iface ?? this.iface;
    if (!target) {
      return this.fail(
        'no interface to capture: set --interface / NTA_INTERFACE or send start with an interface',
      );
    }
    if (this.current?.iface === target) return this.state;
    this.startOn(target);
    this.iface = target;
    return this.state;
  }

  abstract setFilter(filter: string | null): CaptureState;
  abstract stop(): CaptureState;

  /** Opens `iface` with the current filter, replacing a running capture only once it is open. */
  protected abstract startOn(iface: string): void;

  protected fail(message: string): never {
    this.error = message;
    throw new CaptureError(message);
  }
}
