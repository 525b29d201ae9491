import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LiveService } from '../../services/live.service';

const LABELS = {
  connected: 'Live',
  connecting: 'Connecting…',
  offline: 'Live updates off',
  reconnecting: 'Reconnecting…',
} as const;

/** Shows whether live updates flow; pages stay usable (from REST) while it is not green. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.title]': 'live.error() ?? label()', role: 'status' },
  selector: 'nta-connection-badge',
  styleUrl: './connection-badge.component.scss',
  template: `<span class="dot" [class]="live.state()"></span>{{ label() }}`,
})
export class ConnectionBadgeComponent {
  protected readonly live = inject(LiveService);
  protected readonly label = computed(() => LABELS[this.live.state()]);
}
