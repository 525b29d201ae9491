import { APPLICATION_NAMES, type ApplicationName } from '@nta/contracts';

// Applications are small ints (their index in APPLICATION_NAMES) so flows store them in a byte.
export function appId(name: ApplicationName): number {
  return APPLICATION_NAMES.indexOf(name);
}

export function appName(id: number): ApplicationName {
  return APPLICATION_NAMES[id] ?? 'unknown';
}

export const APP_COUNT = APPLICATION_NAMES.length;
export const APP_ARP = appId('arp');
export const APP_DNS = appId('dns');
export const APP_GRE = appId('gre');
export const APP_HTTP = appId('http');
export const APP_ICMP = appId('icmp');
export const APP_LLMNR = appId('llmnr');
export const APP_MDNS = appId('mdns');
export const APP_QUIC = appId('quic');
export const APP_TLS = appId('tls');
export const APP_UNKNOWN = appId('unknown');
export const APP_VXLAN = appId('vxlan');
