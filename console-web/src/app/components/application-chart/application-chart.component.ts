import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { Counters } from '@nta/contracts';
import { BarChartModule } from '@swimlane/ngx-charts';
import { Metric, topShares } from '../../analysis/counters';
import { BytesPipe, formatBytes } from '../../pipes/bytes.pipe';

// More bars than this stop being readable; the rest fold into "others".
export const APPLICATION_BARS = 10;

const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Application protocols (dns, tls, ssh, …) over the window, as horizontal bars and a legend. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule, BytesPipe, DecimalPipe],
  selector: 'nta-application-chart',
  styleUrl: './application-chart.component.scss',
  templateUrl: './application-chart.component.html',
})
export class ApplicationChartComponent {
  readonly counters = input.required<Readonly<Record<string, Counters>>>();

  readonly metric = signal<Metric>('bytes');

  protected readonly shares = computed(() =>
    topShares(this.counters(), this.metric(), APPLICATION_BARS),
  );
  protected readonly bars = computed(() =>
    this.shares().map((share) => ({ name: share.name, value: share[this.metric()] })),
  );

  protected readonly formatValue = (value: number): string =>
    this.metric() === 'bytes' ? formatBytes(value) : COUNT.format(value);
}
