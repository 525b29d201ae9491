import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { HostSummary } from '@nta/contracts';
import { BytesPipe } from '../../pipes/bytes.pipe';
import { apiErrorMessage } from '../../services/api-error';
import { HostsService } from '../../services/hosts.service';
import { LiveService } from '../../services/live.service';

/** The fleet: one row per agent, rates kept current by `host` socket events. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DatePipe, DecimalPipe, RouterLink],
  selector: 'nta-hosts',
  styleUrl: './hosts.component.scss',
  templateUrl: './hosts.component.html',
})
export class HostsComponent {
  private readonly destroyRef = inject(DestroyRef);
  private readonly hostsService = inject(HostsService);
  private readonly router = inject(Router);
  // Events that arrive while the list loads; applied on top of it.
  private readonly pending = new Map<string, HostSummary>();

  protected readonly error = signal<string | null>(null);
  protected readonly hosts = signal<ReadonlyMap<string, HostSummary> | null>(null);
  protected readonly live = inject(LiveService);
  protected readonly rows = computed(() =>
    [...(this.hosts()?.values() ?? [])].sort(
      (a, b) => Number(b.online) - Number(a.online) || a.id.localeCompare(b.id),
    ),
  );
  protected readonly onlineCount = computed(() => this.rows().filter((h) => h.online).length);

  constructor() {
    this.live.hosts$.pipe(takeUntilDestroyed()).subscribe((host) => this.upsert(host));
    this.load();
  }

  protected load(): void {
    this.error.set(null);
    this.hosts.set(null);
    this.hostsService
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
        next: (list) => {
          const map = new Map(list.map((host) => [host.id, host]));
          for (const [id, host] of this.pending) map.set(id, host);
          this.pending.clear();
          this.hosts.set(map);
        },
      });
  }

  protected open(host: HostSummary): void {
    void this.router.navigate(['/hosts', host.id]);
  }

  private upsert(host: HostSummary): void {
    const current = this.hosts();
    if (!current) {
      this.pending.set(host.id, host);
      return;
    }
    this.hosts.set(new Map(current).set(host.id, host));
  }
}
