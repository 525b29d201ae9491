import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterRenderEffect,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { FleetSummary } from '@nta/contracts';
import { SparklineComponent } from '../../components/sparkline/sparkline.component';
import { BytesPipe } from '../../pipes/bytes.pipe';
import { apiErrorMessage } from '../../services/api-error';
import { FleetService } from '../../services/fleet.service';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import type { FleetRow } from './fleet-row';
import { DEFAULT_QUERY, type FleetQuery, type FleetSort, facets, viewRows } from './fleet-view';
import { FleetStore } from './fleet.store';
import { FleetTotalsComponent } from './fleet-totals.component';

export const ROW_HEIGHT = 52;
// Tall enough for a screenful, short enough that the totals stay in view on a laptop.
const MAX_VIEWPORT = 'calc(100vh - 220px)';

/** The fleet: every host with live rates, filters and fleet-wide totals. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BytesPipe,
    DatePipe,
    DecimalPipe,
    FleetTotalsComponent,
    RouterLink,
    ScrollingModule,
    SparklineComponent,
  ],
  providers: [FleetStore],
  selector: 'nta-hosts',
  styleUrl: './hosts.component.scss',
  templateUrl: './hosts.component.html',
})
export class HostsComponent {
  private readonly destroyRef = inject(DestroyRef);
  private readonly fleet = inject(FleetService);
  private readonly live = inject(LiveService);
  private readonly router = inject(Router);
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  protected readonly error = signal<string | null>(null);
  protected readonly facets = computed(() => facets(this.store.rows()));
  protected readonly onlineCount = computed(
    () => this.store.rows().filter((row) => row.online).length,
  );
  protected readonly permissions = inject(PermissionsService);
  protected readonly query = signal<FleetQuery>(DEFAULT_QUERY);
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly store = inject(FleetStore);
  protected readonly summary = signal<FleetSummary | null>(null);
  protected readonly summaryError = signal<string | null>(null);
  protected readonly view = computed(() => viewRows(this.store.rows(), this.query()));
  protected readonly viewportHeight = computed(
    () => `min(${MAX_VIEWPORT}, ${Math.max(this.view().length, 1) * ROW_HEIGHT}px)`,
  );

  constructor() {
    this.live.hosts$.pipe(takeUntilDestroyed()).subscribe((host) => this.store.apply(host));
    this.live
      .fleet()
      .pipe(takeUntilDestroyed())
      .subscribe((summary) => {
        this.summary.set(summary);
        this.summaryError.set(null);
      });
    // The viewport measures itself once; tell it when the filtered list changes its height.
    afterRenderEffect(() => {
      this.viewportHeight();
      this.viewport()?.checkViewportSize();
    });
    this.load();
  }

  protected load(): void {
    this.error.set(null);
    this.store.reset();
    this.fleet
      .hosts()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
        next: (page) => this.store.set(page.items, page.total),
      });
    this.fleet
      .summary()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (err: unknown) => this.summaryError.set(apiErrorMessage(err)),
        // A live summary that came first is newer.
        next: (summary) => this.summary.update((current) => current ?? summary),
      });
  }

  protected open(row: FleetRow): void {
    void this.router.navigate(['/hosts', row.id]);
  }

  protected patch(change: Partial<FleetQuery>): void {
    this.query.update((query) => ({ ...query, ...change }));
  }

  /** Clicking the sorted column again flips the direction; a new column starts descending
   * for rates (busiest first) and ascending for names. */
  protected sortBy(sort: FleetSort): void {
    this.query.update((query) =>
      query.sort === sort
        ? { ...query, desc: !query.desc }
        : { ...query, desc: sort !== 'name', sort },
    );
  }

  protected readonly trackId = (_: number, row: FleetRow) => row.id;

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }
}
