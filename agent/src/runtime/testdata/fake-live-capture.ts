// A capture backend for specs: no libpcap. `nope0` does not exist and "bogus (" never compiles,
// the way libpcap would refuse them; everything else opens.
import type { CaptureState } from '@nta/contracts';
import type { CaptureListener } from '../../capture/cap-source';
import type { CaptureControl } from '../../capture/capture-control';
import { CaptureError } from '../../capture/capture-error';
import type { LiveCapture, LiveCaptureOptions } from '../live-capture';

export const BAD_FILTER = 'bogus (';
export const MISSING_INTERFACE = 'nope0';

export class FakeCaptureControl implements CaptureControl {
  state: CaptureState;

  constructor(
    iface: string | null,
    filter: string | null,
    private readonly listener: CaptureListener,
  ) {
    this.state = { error: null, filter, interface: iface, running: false, startedAt: null };
  }

  start(iface?: string): CaptureState {
    const target = iface ?? this.state.interface!;
    if (target === MISSING_INTERFACE) this.fail(`capture on ${target}: no such interface`);
    if (this.state.filter === BAD_FILTER) this.fail(`capture on ${target}: ${parseError()}`);
    this.state = { ...this.state, error: null, interface: target, running: true, startedAt: 1 };
    this.listener.onCaptureStart(target);
    return this.state;
  }

  stop(): CaptureState {
    if (this.state.running) this.listener.onCaptureEnd(this.state.interface!);
    this.state = { ...this.state, running: false, startedAt: null };
    return this.state;
  }

  setFilter(filter: string | null): CaptureState {
    if (filter === BAD_FILTER) this.fail(`capture on ${this.state.interface}: ${parseError()}`);
    this.state = { ...this.state, filter };
    return this.state;
  }

  private fail(message: string): never {
    this.state = { ...this.state, error: message };
    throw new CaptureError(message);
  }
}

function parseError(): string {
  return "can't parse filter expression: syntax error";
}

/** A createLive() for CaptureSet that records every control it made. */
export function fakeLiveCaptures(): {
  controls: FakeCaptureControl[];
  createLive: (opts: LiveCaptureOptions) => LiveCapture;
} {
  const controls: FakeCaptureControl[] = [];
  return {
    controls,
    createLive: (opts) => {
      const control = new FakeCaptureControl(opts.interface, opts.filter, opts.listener);
      controls.push(control);
      return { backend: 'cap', control, takeDrops: () => null };
    },
  };
}
