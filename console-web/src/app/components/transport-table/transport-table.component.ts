import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TransportName } from '@nta/contracts';
import { BytesPipe } from '../../pipes/bytes.pipe';
import type { TrafficSample } from '../traffic-chart/traffic-sample';

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
    // Type-only import: the schema constants would pull zod into the bundle. Busiest first.
    const names = Object.keys(sample.transport) as TransportName[];
    return names
      .map((name) => {
        const counters = sample.transport[name];
        const share = sample.packets ? (counters.packets / sample.packets) * 100 : 0;
        return { bytes: counters.bytes, name, packets: counters.packets, share };
      })
      .sort((a, b) => b.packets - a.packets || a.name.localeCompare(b.name));
  });
}
