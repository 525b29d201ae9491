import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertEvent } from '@nta/contracts';
import { AlertsService } from '../../../services/alerts.service';
import { LiveService } from '../../../services/live.service';
import { loadable } from '../../../services/loadable';

export const HISTORY_LIMIT = 100;

/** Firings, newest first: the stored history plus `alert` events as they happen. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe],
  selector: 'nta-alert-history',
  templateUrl: './alert-history.component.html',
})
export class AlertHistoryComponent {
  private readonly alerts = inject(AlertsService);
  // Live events by id: a resolve replaces the firing row it belongs to.
  private readonly live = signal<ReadonlyMap<string, AlertEvent>>(new Map());

  protected readonly history = loadable(() => this.alerts.events(HISTORY_LIMIT));
  protected readonly events = computed(() => {
    const stored = this.history.value();
    if (!stored) return null;
    const byId = new Map(stored.map((event) => [event.id, event]));
    for (const [id, event] of this.live()) byId.set(id, event);
    return [...byId.values()].sort((a, b) => b.firedAt - a.firedAt).slice(0, HISTORY_LIMIT);
  });

  constructor() {
    inject(LiveService)
      .alerts$.pipe(takeUntilDestroyed())
      .subscribe((event) => this.live.update((map) => new Map(map).set(event.id, event)));
  }
}
