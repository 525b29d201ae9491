// Typed access to the untyped `cap` native module (libpcap binding).
import { createRequire } from 'node:module';

export interface CapDeviceAddress {
  addr?: string;
  broadaddr?: string;
  netmask?: string;
}

export interface CapDevice {
  addresses: CapDeviceAddress[];
  description?: string;
  flags?: string;
  name: string;
}

export interface CapHandle {
  close(): boolean;
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): this;
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  removeAllListeners(event?: string): this;
}

interface CapModule {
  Cap: { deviceList(): CapDevice[]; new (): CapHandle };
}

const load = createRequire(__filename);
let capModule: CapModule | null = null;

function cap(): CapModule {
  // Loaded lazily so `--help` and config errors work on hosts without libpcap.
  capModule ??= load('cap') as CapModule;
  return capModule;
}

export function capDeviceList(): CapDevice[] {
  return cap().Cap.deviceList();
}

export function newCapHandle(): CapHandle {
  return new (cap().Cap)();
}

// cap 0.2.1 aborts the process (uv_poll_stop on an uninitialised handle) when a handle whose
// open() threw is closed or garbage-collected, so failed handles are kept alive here forever.
const failedHandles: CapHandle[] = [];

export function retainFailedHandle(handle: CapHandle): void {
  failedHandles.push(handle);
}

export function failedHandleCount(): number {
  return failedHandles.length;
}
