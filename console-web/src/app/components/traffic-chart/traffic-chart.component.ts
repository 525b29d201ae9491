import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';
import { formatBytes } from '../../pipes/bytes.pipe';
import { TrafficSample, toTrafficSeries } from './traffic-sample';

const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Packets/s and bytes/s over the recent window, one line chart each (their scales differ). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule],
  selector: 'nta-traffic-chart',
  styleUrl: './traffic-chart.component.scss',
  templateUrl: './traffic-chart.component.html',
})
export class TrafficChartComponent {
  readonly samples = input.required<readonly TrafficSample[]>();

  protected readonly series = computed(() => toTrafficSeries(this.samples()));
  protected readonly empty = computed(() => this.series().packets[0].series.length === 0);

  protected readonly formatBytes = (value: number): string => formatBytes(value);
  protected readonly formatCount = (value: number): string => COUNT.format(value);
  protected readonly formatTime = (value: Date | number): string => TIME.format(value);
}
