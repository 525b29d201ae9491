import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { InterfaceInfo } from '@nta/contracts';
import {
  EMPTY,
  Observable,
  catchError,
  filter,
  finalize,
  forkJoin,
  merge,
  switchMap,
  tap,
} from 'rxjs';
import { PACKET_ROWS_CAP } from '../../analysis/packet-buffer';
import { LIVE_WINDOW_MS } from '../../analysis/report-window';
import {
  CapturePanelComponent,
  FilterChange,
} from '../../components/capture-panel/capture-panel.component';
import { ApplicationChartComponent } from '../../components/application-chart/application-chart.component';
import { FlowsTableComponent } from '../../components/flows-table/flows-table.component';
import { PacketTableComponent } from '../../components/packet-table/packet-table.component';
import { ProtocolPieComponent } from '../../components/protocol-pie/protocol-pie.component';
import { QualityPanelComponent } from '../../components/quality-panel/quality-panel.component';
import { RangePickerComponent } from '../../components/range-picker/range-picker.component';
import { LIVE_RANGE, TimeRange } from '../../components/range-picker/time-range';
import { TalkersTableComponent } from '../../components/talkers-table/talkers-table.component';
import { TrafficChartComponent } from '../../components/traffic-chart/traffic-chart.component';
import {
  TRAFFIC_WINDOW_MS,
  TrafficSample,
  mergeSamples,
  sampleFromPoint,
  sampleFromReport,
  toTrafficSeries,
} from '../../components/traffic-chart/traffic-sample';
import { TransportTableComponent } from '../../components/transport-table/transport-table.component';
import { BytesPipe } from '../../pipes/bytes.pipe';
import type { StatsPointWithAnalysis } from '../../services/analysis-api';
import { AnalysisService } from '../../services/analysis.service';
import { apiErrorCode, apiErrorMessage } from '../../services/api-error';
import { HostsService } from '../../services/hosts.service';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import { FLOW_ROWS, HostAnalysisStore, TALKER_ROWS } from './host-analysis.store';
import { HostCaptureStore } from './host-capture.store';
import { HostHistoryStore } from './host-history.store';

// The console merges this many rows for the first minute, so live rows merge into real ones.
const SEED_FLOWS = Math.max(FLOW_ROWS, 200);
const SEED_TALKERS = Math.max(TALKER_ROWS, 100);

/**
 * One host: state, capture control, the last two minutes of traffic (history, then live), and
 * the live analysis of the last minute (protocols, flows, talkers, packets, capture quality);
 * or, with a range picked, the stored history of that range.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApplicationChartComponent,
    BytesPipe,
    CapturePanelComponent,
    DatePipe,
    DecimalPipe,
    FlowsTableComponent,
    PacketTableComponent,
    ProtocolPieComponent,
    QualityPanelComponent,
    RangePickerComponent,
    RouterLink,
    TalkersTableComponent,
    TrafficChartComponent,
    TransportTableComponent,
  ],
  providers: [HostAnalysisStore, HostCaptureStore, HostHistoryStore],
  selector: 'nta-host',
  styleUrl: './host.component.scss',
  templateUrl: './host.component.html',
})
export class HostComponent {
  private readonly analysisService = inject(AnalysisService);
  protected readonly analysis = inject(HostAnalysisStore);
  protected readonly control = inject(HostCaptureStore);
  protected readonly history = inject(HostHistoryStore);
  private readonly hostsService = inject(HostsService);
  private readonly live = inject(LiveService);
  private readonly permissions = inject(PermissionsService);
  private readonly reloads = signal(0);

  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly analysisError = signal<string | null>(null);
  protected readonly canControl = this.permissions.canAdmin;
  protected readonly host = this.control.host;
  protected readonly hostError = signal<string | null>(null);
  protected readonly interfaces = signal<InterfaceInfo[] | null>(null);
  protected readonly interfacesError = signal<string | null>(null);
  protected readonly range = signal<TimeRange>(LIVE_RANGE);
  protected readonly samples = signal<TrafficSample[]>([]);
  protected readonly statsError = signal<string | null>(null);
  protected readonly statsLoading = signal(true);

  protected readonly latest = computed(() => this.samples().at(-1) ?? null);
  protected readonly liveSeries = computed(() => toTrafficSeries(this.samples()));
  protected readonly liveError = this.live.error;
  protected readonly liveState = this.live.state;

  constructor() {
    const target = computed(() => ({ id: this.id(), reload: this.reloads() }));
    toObservable(target)
      .pipe(
        switchMap(({ id }) => this.watch(id)),
        takeUntilDestroyed(),
      )
      .subscribe();
    const historyTarget = computed(() => ({ id: this.id(), range: this.range() }));
    toObservable(historyTarget)
      .pipe(
        switchMap(({ id, range }) => {
          if (range.preset === 'live') {
            this.history.reset();
            return EMPTY;
          }
          return this.history.load(id, range.from, range.to, this.analysis.names());
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected onFilter({ filter, iface }: FilterChange): void {
    this.control.setFilter(this.id(), iface, filter);
  }

  protected onRefresh(): void {
    const id = this.id();
    this.control.refresh(id, () => this.loadInterfaces(id));
  }

  protected onStart(iface: string): void {
    this.control.start(this.id(), iface);
  }

  protected onStop(iface: string): void {
    this.control.stop(this.id(), iface);
  }

  protected onSwitch(iface: string): void {
    this.control.switch(this.id(), iface);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  private loadHost(id: string): Observable<unknown> {
    return this.hostsService.get(id).pipe(
      tap((host) => this.host.set(host)),
      catchError((err: unknown) => {
        this.hostError.set(
          apiErrorCode(err) === 'HOST_NOT_FOUND'
            ? `No host with id "${id}".`
            : apiErrorMessage(err),
        );
        return EMPTY;
      }),
    );
  }

  private loadInterfaces(id: string): Observable<unknown> {
    return this.hostsService.interfaces(id).pipe(
      tap((res) => {
        this.interfaces.set(res.interfaces);
        this.interfacesError.set(null);
      }),
      catchError((err: unknown) => {
        this.interfacesError.set(apiErrorMessage(err));
        return EMPTY;
      }),
    );
  }

  private loadHistory(id: string): Observable<unknown> {
    const to = Date.now();
    return this.hostsService.stats(id, to - TRAFFIC_WINDOW_MS, to).pipe(
      tap((res) => {
        this.samples.update((s) => mergeSamples(s, res.points.map(sampleFromPoint)));
        this.analysis.addHistory(id, res.points);
        this.statsLoading.set(false);
      }),
      catchError((err: unknown) => {
        this.statsError.set(apiErrorMessage(err));
        return EMPTY;
      }),
      finalize(() => this.statsLoading.set(false)),
      switchMap((res) => this.loadTop(id, res.points)),
    );
  }

  // Independent: one failing route must not cancel the other.
  private loadNamesAndPackets(id: string): Observable<unknown> {
    return merge(
      this.analysisService.names(id).pipe(
        tap((res) => this.analysis.seedNames(res.names)),
        catchError((err: unknown) => this.analysisFailed(err)),
      ),
      this.analysisService.packets(id, PACKET_ROWS_CAP).pipe(
        tap((res) => this.analysis.seedPackets(res.packets)),
        catchError((err: unknown) => this.analysisFailed(err)),
      ),
    );
  }

  // Top flows and talkers of exactly the stored seconds the window holds: agent time, ending
  // just before the next report starts, so no second is counted twice or missed.
  private loadTop(id: string, points: readonly StatsPointWithAnalysis[]): Observable<unknown> {
    if (points.length === 0) return EMPTY;
    const newest = Math.max(...points.map((p) => p.intervalEnd));
    const from = newest - LIVE_WINDOW_MS;
    const to = newest - 1;
    return forkJoin([
      this.analysisService.flows(id, from, to, SEED_FLOWS),
      this.analysisService.talkers(id, from, to, SEED_TALKERS),
    ]).pipe(
      tap(([flows, talkers]) => {
        const { local, localOther, remote, remoteOther } = talkers;
        this.analysis.seedTop(id, from, {
          flows: flows.flows,
          flowsOther: flows.others,
          talkers: { local, localOther, remote, remoteOther },
          to,
        });
      }),
      catchError((err: unknown) => this.analysisFailed(err)),
    );
  }

  private analysisFailed(err: unknown): Observable<never> {
    this.analysisError.set(apiErrorMessage(err));
    return EMPTY;
  }

  private watch(id: string): Observable<unknown> {
    this.control.reset();
    this.analysis.reset();
    this.analysisError.set(null);
    this.hostError.set(null);
    this.interfaces.set(null);
    this.interfacesError.set(null);
    this.samples.set([]);
    this.statsError.set(null);
    this.statsLoading.set(true);
    // Live reports are listened to before history loads; seq de-duplicates the overlap.
    return merge(
      this.live.reports(id).pipe(
        tap((report) => {
          this.analysis.add(report);
          this.samples.update((s) => mergeSamples(s, [sampleFromReport(report)]));
        }),
      ),
      this.live.hosts$.pipe(
        filter((host) => host.id === id),
        tap((host) => this.host.set(host)),
      ),
      this.loadHost(id),
      this.loadInterfaces(id),
      this.loadHistory(id),
      this.loadNamesAndPackets(id),
    );
  }
}
