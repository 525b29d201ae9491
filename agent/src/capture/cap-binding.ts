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

// cap 0.2.1 never uv_close()s its poll handle and aborts on closing a handle whose open() threw,
// so a collected handle (closed or failed) corrupts libuv's handle queue or aborts the process.
// Every handle is therefore kept alive for the life of the process: a few hundred bytes each,
// one per start, stop or filter change.
const everyHandle: CapHandle[] = [];

export function newCapHandle(): CapHandle {
  const handle = new (cap().Cap)();
  everyHandle.push(handle);
  return handle;
}
