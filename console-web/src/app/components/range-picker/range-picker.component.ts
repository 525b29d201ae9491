import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { RangePreset, TimeRange, customRange, presetRange } from './time-range';

const PRESETS: { label: string; preset: Exclude<RangePreset, 'custom'> }[] = [
  { label: 'Live', preset: 'live' },
  { label: '5 m', preset: '5m' },
  { label: '1 h', preset: '1h' },
  { label: '24 h', preset: '24h' },
  { label: '7 d', preset: '7d' },
];

/** Live, a recent preset, or a custom from/to; emits the chosen range. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'nta-range-picker',
  styleUrl: './range-picker.component.scss',
  templateUrl: './range-picker.component.html',
})
export class RangePickerComponent {
  readonly value = input.required<TimeRange>();
  readonly changed = output<TimeRange>();

  protected readonly customError = signal<string | null>(null);
  protected readonly customOpen = signal(false);
  protected readonly presets = PRESETS;

  protected pick(preset: Exclude<RangePreset, 'custom'>): void {
    this.customOpen.set(false);
    this.changed.emit(preset === 'live' ? { preset } : presetRange(preset, Date.now()));
  }

  protected applyCustom(from: string, to: string): void {
    const range = customRange(from, to);
    if (typeof range === 'string') {
      this.customError.set(range);
      return;
    }
    this.customError.set(null);
    this.changed.emit(range);
  }
}
