import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TimeseriesMetric, TimeseriesResponse } from '@nta/contracts';
import { Observable, forkJoin } from 'rxjs';
import { apiUrl } from './api-url';

/** The metrics the host timeline draws from history: bytes in/out and packets. */
export const TIMELINE_METRICS = ['bytesIn', 'bytesOut', 'packets'] as const;
export type TimelineMetric = (typeof TIMELINE_METRICS)[number];
export type TimelineHistory = Record<TimelineMetric, TimeseriesResponse>;

export interface TimeseriesRange {
  from: number;
  step: number;
  to: number;
}

/** History of one host from GET /api/timeseries (1 s, 1 min or 1 h rows, bucketed by step). */
@Injectable({ providedIn: 'root' })
export class TimeseriesService {
  private readonly http = inject(HttpClient);

  series(host: string, metric: TimeseriesMetric, range: TimeseriesRange) {
    const params = new HttpParams()
      .set('from', range.from)
      .set('host', host)
      .set('metric', metric)
      .set('step', range.step)
      .set('to', range.to);
    return this.http.get<TimeseriesResponse>(apiUrl('timeseries'), { params });
  }

  /** The three timeline metrics over one range, answered together. */
  timeline(host: string, range: TimeseriesRange): Observable<TimelineHistory> {
    return forkJoin({
      bytesIn: this.series(host, 'bytesIn', range),
      bytesOut: this.series(host, 'bytesOut', range),
      packets: this.series(host, 'packets', range),
    });
  }
}
