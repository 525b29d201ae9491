import { Injectable, inject, signal } from '@angular/core';
import type {
  Counters,
  HostApplicationsResponse,
  HostFlowsResponse,
  HostTalkersResponse,
  TalkerRow,
} from '@nta/contracts';
import { Observable, catchError, forkJoin, of, tap } from 'rxjs';
import { addInto, zero } from '../../analysis/counters';
import type { FlowView } from '../../analysis/flow-window';
import { talkerBytes, talkerPackets, type TalkersView } from '../../analysis/talker-window';
import { stepFor } from '../../components/range-picker/time-range';
import { toHistorySeries } from '../../components/traffic-chart/history-series';
import type { TrafficSeries } from '../../components/traffic-chart/traffic-sample';
import { AnalysisService } from '../../services/analysis.service';
import { apiErrorMessage } from '../../services/api-error';
import { TimeseriesService } from '../../services/timeseries.service';
import { FLOW_ROWS, TALKER_ROWS } from './host-analysis.store';

/** Everything the host page shows for a stored range, answered by the console's history. */
export interface HostHistory {
  applications: Record<string, Counters>;
  flows: FlowView;
  talkers: TalkersView;
  timeline: TrafficSeries;
  transports: Record<string, Counters>;
}

function applicationMap(res: HostApplicationsResponse): Record<string, Counters> {
  return Object.fromEntries(
    res.applications.map(({ application, bytes, packets }) => [application, { bytes, packets }]),
  );
}

function side(rows: TalkerRow[], others: Counters) {
  const total = { ...others };
  for (const row of rows) addInto(total, { bytes: talkerBytes(row), packets: talkerPackets(row) });
  return { others, rows, total };
}

function talkersView(res: HostTalkersResponse, names: ReadonlyMap<string, string>): TalkersView {
  const named = (rows: TalkerRow[]) =>
    rows.map((row) => ({ ...row, name: row.name ?? names.get(row.address) ?? null }));
  return {
    local: side(named(res.local), res.localOther),
    remote: side(named(res.remote), res.remoteOther),
  };
}

function flowView(res: HostFlowsResponse): FlowView {
  return { others: res.others ?? zero(), rows: res.flows, total: res.totals ?? zero() };
}

/** The host page's history mode: one load per chosen range, with its loading and error state. */
@Injectable()
export class HostHistoryStore {
  private readonly analysis = inject(AnalysisService);
  private readonly timeseries = inject(TimeseriesService);

  readonly error = signal<string | null>(null);
  readonly history = signal<HostHistory | null>(null);
  readonly loading = signal(false);

  load(
    id: string,
    from: number,
    to: number,
    names: ReadonlyMap<string, string>,
  ): Observable<unknown> {
    this.error.set(null);
    this.history.set(null);
    this.loading.set(true);
    return forkJoin({
      applications: this.analysis.applications(id, from, to),
      flows: this.analysis.flows(id, from, to, FLOW_ROWS),
      talkers: this.analysis.talkers(id, from, to, TALKER_ROWS),
      timeline: this.timeseries.timeline(id, { from, step: stepFor(from, to), to }),
      transports: this.analysis.transports(id, from, to),
    }).pipe(
      tap((res) => {
        this.history.set({
          applications: applicationMap(res.applications),
          flows: flowView(res.flows),
          talkers: talkersView(res.talkers, names),
          timeline: toHistorySeries(res.timeline),
          transports: { ...res.transports.transport },
        });
        this.loading.set(false);
      }),
      catchError((err: unknown) => {
        this.error.set(apiErrorMessage(err));
        this.loading.set(false);
        return of(null);
      }),
    );
  }

  reset(): void {
    this.error.set(null);
    this.history.set(null);
    this.loading.set(false);
  }
}
