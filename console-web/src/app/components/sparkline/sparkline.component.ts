import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** "x,y x,y …" scaled into a width × height box, the largest value at the top. */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  // One sample is still a level: draw it across the box.
  if (values.length === 1) return sparklinePoints([values[0], values[0]], width, height);
  const max = Math.max(...values, 0);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  // A flat or empty series sits on the baseline rather than dividing by zero.
  const scale = max > 0 ? (height - 1) / max : 0;
  return values
    .map((v, i) => `${round(i * step)},${round(height - 0.5 - Math.max(v, 0) * scale)}`)
    .join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A tiny trend line: one SVG polyline, so hundreds of rows can each have one updating every
 * second (a full chart per row would not keep up).
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  selector: 'nta-sparkline',
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
    polyline {
      fill: none;
      stroke: var(--spark, var(--accent));
      stroke-linejoin: round;
      stroke-width: 1.5;
    }
  `,
  template: `<svg [attr.width]="width()" [attr.height]="height()" [attr.viewBox]="viewBox()">
    <polyline [attr.points]="points()" />
  </svg>`,
})
export class SparklineComponent {
  readonly height = input(20);
  readonly values = input.required<readonly number[]>();
  readonly width = input(80);

  protected readonly points = computed(() =>
    sparklinePoints(this.values(), this.width(), this.height()),
  );
  protected readonly viewBox = computed(() => `0 0 ${this.width()} ${this.height()}`);
}
