import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { Counters } from '@nta/contracts';
import { PieChartModule } from '@swimlane/ngx-charts';
import { Metric, topShares } from '../../analysis/counters';
import { BytesPipe } from '../../pipes/bytes.pipe';

/** Share of each transport (tcp, udp, sctp, …) over the window, as a doughnut and a legend. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DecimalPipe, PieChartModule],
  selector: 'nta-protocol-pie',
  styleUrl: './protocol-pie.component.scss',
  templateUrl: './protocol-pie.component.html',
})
export class ProtocolPieComponent {
  readonly counters = input.required<Readonly<Record<string, Counters>>>();

  readonly metric = signal<Metric>('bytes');

  protected readonly shares = computed(() => topShares(this.counters(), this.metric()));
  protected readonly slices = computed(() =>
    this.shares().map((share) => ({ name: share.name, value: share[this.metric()] })),
  );
}
