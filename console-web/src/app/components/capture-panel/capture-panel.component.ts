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

export type CaptureAction = 'filter' | 'refresh' | 'start' | 'stop' | 'switch';

/** The call in flight, and the interface it is about (none for refresh). */
export interface CaptureBusy {
  action: CaptureAction;
  iface?: string;
}

export interface FilterChange {
  filter: string | null;
  iface: string;
}

/**
 * Interfaces with their capture state, per-interface Start/Stop/"only this", and the BPF filter
 * box. The host page does the calls and passes the outcome back; viewers get no controls.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  selector: 'nta-capture-panel',
  styleUrl: './capture-panel.component.scss',
  templateUrl: './capture-panel.component.html',
})
export class CapturePanelComponent {
  readonly busy = input<CaptureBusy | null>(null);
  readonly canControl = input(false);
  readonly captures = input<readonly CaptureState[]>([]);
  readonly error = input<string | null>(null);
  readonly filterError = input<string | null>(null);
  readonly interfaces = input<InterfaceInfo[] | null>(null);
  readonly interfacesError = input<string | null>(null);
  readonly online = input(false);
  readonly filter = output<FilterChange>();
  readonly refresh = output();
  readonly start = output<string>();
  readonly stop = output<string>();
  readonly switch = output<string>();

  protected readonly byInterface = computed(
    () => new Map(this.captures().flatMap((c) => (c.interface ? [[c.interface, c]] : []))),
  );
  protected readonly running = computed(() => this.captures().filter((c) => c.running));
  protected readonly enabled = computed(() => this.online() && !this.busy());

  // Follows a running capture or the agent's default until the user picks another one.
  readonly selected = linkedSignal<string | null>(() => {
    const list = this.interfaces() ?? [];
    const running = this.running()[0]?.interface;
    if (running && list.some((i) => i.name === running)) return running;
    return (list.find((i) => i.isDefault) ?? list[0])?.name ?? null;
  });

  protected readonly selectedFilter = computed(() => {
    const name = this.selected();
    return (name && this.byInterface().get(name)?.filter) ?? '';
  });

  protected isBusy(action: CaptureAction, iface?: string): boolean {
    const busy = this.busy();
    return busy?.action === action && (iface === undefined || busy.iface === iface);
  }

  protected applyFilter(text: string): void {
    const iface = this.selected();
    if (!iface) return;
    const trimmed = text.trim();
    this.filter.emit({ filter: trimmed === '' ? null : trimmed, iface });
  }

  protected clearFilter(): void {
    const iface = this.selected();
    if (iface) this.filter.emit({ filter: null, iface });
  }
}
