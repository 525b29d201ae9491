import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { formatBytes } from '../../pipes/bytes.pipe';
import type { TrafficSeries } from './traffic-sample';

const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const DAY_TIME = new Intl.DateTimeFormat(undefined, {
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  month: 'short',
});
const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const DAY_MS = 86_400_000;

/** Packets/s and bytes/s (total, in, out), one line chart each (their scales differ). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule],
  selector: 'nta-traffic-chart',
  styleUrl: './traffic-chart.component.scss',
  templateUrl: './traffic-chart.component.html',
})
export class TrafficChartComponent {
  readonly emptyText = input('No traffic reported in the last two minutes.');
  readonly series = input.required<TrafficSeries>();

  protected readonly empty = computed(() =>
    this.series().packets.every((line) => line.series.length === 0),
  );
  // Ranges over a day need the date on the axis, not only the time.
  private readonly long = computed(() => {
    const points = this.series().packets[0]?.series ?? [];
    const span = points.length ? +points[points.length - 1].name - +points[0].name : 0;
    return span > DAY_MS;
  });

  protected readonly legendBelow = LegendPosition.Below;

  protected readonly formatBytes = (value: number): string => formatBytes(value);
  protected readonly formatCount = (value: number): string => COUNT.format(value);
  protected readonly formatTime = (value: Date | number): string =>
    (this.long() ? DAY_TIME : TIME).format(value);
}
