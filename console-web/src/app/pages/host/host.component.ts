import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { CaptureResponse, CaptureState, HostSummary, InterfaceInfo } from '@nta/contracts';
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
  CaptureAction,
  CapturePanelComponent,
} from '../../components/capture-panel/capture-panel.component';
import { ApplicationChartComponent } from '../../components/application-chart/application-chart.component';
import { FlowsTableComponent } from '../../components/flows-table/flows-table.component';
import { PacketTableComponent } from '../../components/packet-table/packet-table.component';
import { ProtocolPieComponent } from '../../components/protocol-pie/protocol-pie.component';
import { QualityPanelComponent } from '../../components/quality-panel/quality-panel.component';
import { TalkersTableComponent } from '../../components/talkers-table/talkers-table.component';
import { TrafficChartComponent } from '../../components/traffic-chart/traffic-chart.component';
import {
  TRAFFIC_WINDOW_MS,
  TrafficSample,
  mergeSamples,
  sampleFromPoint,
  sampleFromReport,
} from '../../components/traffic-chart/traffic-sample';
import { TransportTableComponent } from '../../components/transport-table/transport-table.component';
import { BytesPipe } from '../../pipes/bytes.pipe';
import type { StatsPointWithAnalysis } from '../../services/analysis-api';
import { AnalysisService } from '../../services/analysis.service';
import { apiErrorCode, apiErrorMessage } from '../../services/api-error';
import { CaptureService } from '../../services/capture.service';
import { HostsService } from '../../services/hosts.service';
import { LiveService } from '../../services/live.service';
import { FLOW_ROWS, HostAnalysisStore, TALKER_ROWS } from './host-analysis.store';

// The console merges this many rows for the first minute, so live rows merge into real ones.
const SEED_FLOWS = Math.max(FLOW_ROWS, 200);
const SEED_TALKERS = Math.max(TALKER_ROWS, 100);

/**
 * One host: state, capture control, the last two minutes of traffic (history, then live), and
 * the live analysis of the last minute (protocols, flows, talkers, packets, capture quality).
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
    RouterLink,
    TalkersTableComponent,
    TrafficChartComponent,
    TransportTableComponent,
  ],
  providers: [HostAnalysisStore],
  selector: 'nta-host',
  styleUrl: './host.component.scss',
  templateUrl: './host.component.html',
})
export class HostComponent {
  private readonly analysisService = inject(AnalysisService);
  private readonly captureService = inject(CaptureService);
  protected readonly analysis = inject(HostAnalysisStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly hostsService = inject(HostsService);
  private readonly live = inject(LiveService);
  private readonly reloads = signal(0);

  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly analysisError = signal<string | null>(null);
  protected readonly busy = signal<CaptureAction | null>(null);
  protected readonly captureError = signal<string | null>(null);
  protected readonly host = signal<HostSummary | null>(null);
  protected readonly hostError = signal<string | null>(null);
  protected readonly interfaces = signal<InterfaceInfo[] | null>(null);
  protected readonly interfacesError = signal<string | null>(null);
  protected readonly samples = signal<TrafficSample[]>([]);
  protected readonly statsError = signal<string | null>(null);
  protected readonly statsLoading = signal(true);

  protected readonly latest = computed(() => this.samples().at(-1) ?? null);
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
  }

  protected onRefresh(): void {
    const id = this.id();
    const call = this.hostsService.refreshInterfaces(id).pipe(
      tap((res) => {
        if (!res.ok) this.captureError.set(res.error ?? 'The agent could not list its interfaces.');
      }),
      switchMap(() => this.loadInterfaces(id)),
    );
    this.runAction('refresh', call);
  }

  protected onStart(iface: string | undefined): void {
    const call = this.captureService.start(this.id(), iface);
    this.runAction('start', call, (res) => this.applyCapture(res, 'start'));
  }

  protected onStop(): void {
    const call = this.captureService.stop(this.id());
    this.runAction('stop', call, (res) => this.applyCapture(res, 'stop'));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  private applyCapture(response: CaptureResponse, action: CaptureAction): void {
    if (response.capture) this.patchCapture(response.capture);
    if (!response.ok) {
      this.captureError.set(response.error ?? `The agent could not ${action} the capture.`);
    }
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

  private patchCapture(capture: CaptureState): void {
    this.host.update((host) => (host ? { ...host, capture } : host));
  }

  private runAction<T>(
    action: CaptureAction,
    call: Observable<T>,
    done?: (value: T) => void,
  ): void {
    this.busy.set(action);
    this.captureError.set(null);
    call
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (err: unknown) => this.captureError.set(apiErrorMessage(err)),
        next: (value) => done?.(value),
      });
  }

  private watch(id: string): Observable<unknown> {
    this.captureError.set(null);
    this.host.set(null);
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
