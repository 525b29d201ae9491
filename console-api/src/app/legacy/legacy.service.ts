import { Injectable } from '@nestjs/common';
import type { LegacyStatsResponse, TransportName } from '@nta/contracts';
import { DomainException } from '../../common/errors/domain.exception';
import { CaptureService } from '../capture/capture.service';
import type { HostEntity } from '../hosts/host.entity';
import { HostsService } from '../hosts/hosts.service';
import { ReportsService } from '../hosts/reports.service';

// The Flask tool's protocol labels, in its order.
const LEGACY_PROTOCOLS: [TransportName, string][] = [
  ['tcp', 'TCP'],
  ['udp', 'UDP'],
  ['icmp', 'ICMP'],
  ['icmpv6', 'ICMPv6'],
  ['arp', 'ARP'],
  ['other', 'Other'],
];
// Transports the Flask tool never knew: listed only when seen, so its scripts see the old keys.
const NEWER_PROTOCOLS: [TransportName, string][] = [
  ['sctp', 'SCTP'],
  ['gre', 'GRE'],
  ['esp', 'ESP'],
];

/** The original single-host tool's API, answered for one chosen host of the fleet. */
@Injectable()
export class LegacyService {
  constructor(
    private readonly capture: CaptureService,
    private readonly hosts: HostsService,
    private readonly reports: ReportsService,
  ) {}

  async interfaces(hostParam?: string): Promise<string[]> {
    const host = await this.resolveHost(hostParam);
    return host.interfaces.map((i) => i.name);
  }

  async start(hostParam?: string, iface?: string) {
    const host = await this.resolveHost(hostParam);
    const res = await this.capture.start(host.id, { interface: iface });
    if (!res.ok)
      throw new DomainException('BAD_REQUEST', `agent "${host.id}" could not start: ${res.error}`);
    return {
      host: host.id,
      interface: res.capture?.interface ?? iface ?? null,
      status: 'started' as const,
    };
  }

  async stop(hostParam?: string) {
    const host = await this.resolveHost(hostParam);
    const res = await this.capture.stop(host.id);
    if (!res.ok)
      throw new DomainException('BAD_REQUEST', `agent "${host.id}" could not stop: ${res.error}`);
    return { host: host.id, status: 'stopped' as const };
  }

  async stats(hostParam?: string): Promise<LegacyStatsResponse> {
    const host = await this.resolveHost(hostParam);
    const capture = host.capture;
    const protocols = Object.fromEntries(LEGACY_PROTOCOLS.map(([, label]) => [label, 0]));
    const answer: LegacyStatsResponse = {
      capturing: capture?.running ?? false,
      host: host.id,
      interface: capture?.interface ?? null,
      packet_count: 0,
      protocols,
      total_bytes: 0,
    };
    if (!capture?.running || capture.startedAt === null) return answer;
    const totals = await this.reports.captureTotals(host.id, capture.startedAt, capture.interface);
    for (const [slot, label] of LEGACY_PROTOCOLS) protocols[label] = totals.transport[slot].packets;
    for (const [slot, label] of NEWER_PROTOCOLS) {
      if (totals.transport[slot].packets > 0) protocols[label] = totals.transport[slot].packets;
    }
    return { ...answer, packet_count: totals.packets, total_bytes: totals.bytes };
  }

  /** The named host, else the only one; several and none named is ambiguous. */
  private async resolveHost(hostParam?: string): Promise<HostEntity> {
    if (hostParam) return this.hosts.get(hostParam);
    const all = await this.hosts.list();
    if (all.length === 0) {
      throw new DomainException('HOST_NOT_FOUND', 'no agent has connected yet');
    }
    if (all.length > 1) {
      const ids = all.map((h) => h.id).join(', ');
      throw new DomainException(
        'AMBIGUOUS_HOST',
        `several hosts are known (${ids}): name one with ?host= or "host" in the body`,
      );
    }
    return this.hosts.get(all[0].id);
  }
}
