import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import type { CaptureState, InterfaceInfo } from '@nta/contracts';

export type CaptureAction = 'refresh' | 'start' | 'stop';

/** Interface picker with Start/Stop; the host page does the calls and passes the outcome back. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  selector: 'nta-capture-panel',
  styleUrl: './capture-panel.component.scss',
  templateUrl: './capture-panel.component.html',
})
export class CapturePanelComponent {
  readonly busy = input<CaptureAction | null>(null);
  readonly capture = input<CaptureState | null>(null);
  readonly error = input<string | null>(null);
  readonly interfaces = input<InterfaceInfo[] | null>(null);
  readonly interfacesError = input<string | null>(null);
  readonly online = input(false);
  readonly refresh = output();
  readonly start = output<string | undefined>();
  readonly stop = output();

  // Follows the running capture or the agent's default until the user picks another one.
  readonly selected = linkedSignal<string | null>(() => {
    const list = this.interfaces() ?? [];
    const running = this.capture()?.interface;
    if (running && list.some((i) => i.name === running)) return running;
    return (list.find((i) => i.isDefault) ?? list[0])?.name ?? null;
  });

  protected readonly running = computed(() => this.capture()?.running ?? false);
  protected readonly canStart = computed(() => this.online() && !this.busy() && !this.running());
  protected readonly canStop = computed(() => this.online() && !this.busy() && this.running());

  protected onStart(): void {
    this.start.emit(this.selected() ?? undefined);
  }
}
