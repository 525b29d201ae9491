// Hot path: portGuess() runs once per new flow and inspectPayload() on a flow's first few
// payloads; both index typed arrays built once from the table.
import { type ApplicationEntry, APPLICATION_TABLE } from './application-table';
import { APP_COUNT, APP_UNKNOWN, appId } from './app-id';
import type { PayloadMatcher } from './payload-matchers';

const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;

export interface ClassifierTables {
  matchers: (PayloadMatcher | null)[];
  protocolApp: Uint8Array;
  strongTcp: number[];
  strongUdp: number[];
  // Port → application id + 1 (0: no application on that port).
  tcpPortApp: Uint8Array;
  udpPortApp: Uint8Array;
}

export function buildClassifierTables(table: readonly ApplicationEntry[]): ClassifierTables {
  const t: ClassifierTables = {
    matchers: new Array<PayloadMatcher | null>(APP_COUNT).fill(null),
    protocolApp: new Uint8Array(256),
    strongTcp: [],
    strongUdp: [],
    tcpPortApp: new Uint8Array(65536),
    udpPortApp: new Uint8Array(65536),
  };
  for (const entry of table) {
    const id = appId(entry.name);
    if (id < 0) throw new Error(`application table: ${entry.name} is not in APPLICATION_NAMES`);
    t.matchers[id] = entry.match ?? null;
    for (const port of entry.tcp ?? []) if (t.tcpPortApp[port] === 0) t.tcpPortApp[port] = id + 1;
    for (const port of entry.udp ?? []) if (t.udpPortApp[port] === 0) t.udpPortApp[port] = id + 1;
    for (const proto of entry.ipProtocols ?? []) t.protocolApp[proto] = id + 1;
    if (entry.strong && entry.match) {
      if (entry.tcp) t.strongTcp.push(id);
      if (entry.udp) t.strongUdp.push(id);
    }
  }
  return t;
}

/** Port-first, payload-confirmed application classification over a table. */
export class ApplicationClassifier {
  private readonly t: ClassifierTables;

  constructor(table: readonly ApplicationEntry[] = APPLICATION_TABLE) {
    this.t = buildClassifierTables(table);
  }

  /** The application the ports (or the IP protocol) suggest; the lower known port wins. */
  portGuess(ipProto: number, srcPort: number, dstPort: number): number {
    const t = this.t;
    let ports: Uint8Array;
    if (ipProto === IPPROTO_TCP) ports = t.tcpPortApp;
    else if (ipProto === IPPROTO_UDP) ports = t.udpPortApp;
    else
      return ipProto >= 0 && ipProto < 256 && t.protocolApp[ipProto] !== 0
        ? t.protocolApp[ipProto] - 1
        : APP_UNKNOWN;
    if (srcPort < 0 || dstPort < 0) return APP_UNKNOWN;
    const s = ports[srcPort];
    const d = ports[dstPort];
    if (s !== 0 && d !== 0) return (srcPort < dstPort ? s : d) - 1;
    if (d !== 0) return d - 1;
    return s !== 0 ? s - 1 : APP_UNKNOWN;
  }

  /** True when a payload can still change or confirm the flow's application. */
  canInspect(ipProto: number): boolean {
    return ipProto === IPPROTO_TCP || ipProto === IPPROTO_UDP;
  }

  /**
   * The application the payload proves, or -1 when it proves nothing: the guess's own signature
   * first, then every strong signature (a payload heuristic beats a lying port).
   */
  inspectPayload(guess: number, ipProto: number, buf: Buffer, off: number, len: number): number {
    if (len <= 0) return -1;
    const tcp = ipProto === IPPROTO_TCP;
    const t = this.t;
    const own = t.matchers[guess];
    if (own !== null && own(buf, off, len, tcp)) return guess;
    const strong = tcp ? t.strongTcp : t.strongUdp;
    for (let i = 0; i < strong.length; i++) {
      const id = strong[i];
      if (id !== guess && (t.matchers[id] as PayloadMatcher)(buf, off, len, tcp)) return id;
    }
    return -1;
  }
}
