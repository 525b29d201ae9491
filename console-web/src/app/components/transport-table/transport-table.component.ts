import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Counters, TransportName } from '@nta/contracts';
import { BytesPipe } from '../../pipes/bytes.pipe';
import type { TrafficSample } from '../traffic-chart/traffic-sample';

// Type-only import: the contracts' TRANSPORT_NAMES would pull zod into the bundle. `satisfies`
// makes the compiler flag a transport the contracts add and this table forgets.
const TRANSPORT_ROWS = {
  arp: true,
  esp: true,
  gre: true,
  icmp: true,
  icmpv6: true,
  other: true,
  sctp: true,
  tcp: true,
  udp: true,
} satisfies Record<TransportName, true>;
const TRANSPORTS = Object.keys(TRANSPORT_ROWS) as TransportName[];

/** Per-transport counters of the latest reported second. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DecimalPipe],
  selector: 'nta-transport-table',
  styleUrl: './transport-table.component.scss',
  templateUrl: './transport-table.component.html',
})
export class TransportTableComponent {
  readonly sample = input<TrafficSample | null>(null);

  protected readonly rows = computed(() => {
    const sample = this.sample();
    if (!sample) return [];
    // Every transport, busiest first; history stored before a transport existed has no entry.
    const known = sample.transport as Partial<Record<TransportName, Counters>>;
    return TRANSPORTS.map((name) => {
      const counters = known[name] ?? { bytes: 0, packets: 0 };
      const share = sample.packets ? (counters.packets / sample.packets) * 100 : 0;
      return { bytes: counters.bytes, name, packets: counters.packets, share };
    }).sort((a, b) => b.packets - a.packets || a.name.localeCompare(b.name));
  });
}
