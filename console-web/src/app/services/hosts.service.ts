import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaptureResponse,
  HostDetail,
  HostInterfacesResponse,
  HostSummary,
  Page,
} from '@nta/contracts';
import { map, Observable } from 'rxjs';
import type { HostStatsWithAnalysisResponse } from './analysis-api';
import { apiUrl } from './api-url';

@Injectable({ providedIn: 'root' })
export class HostsService {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<HostSummary> {
    return this.http.get<HostSummary>(apiUrl('hosts', id));
  }

  interfaces(id: string): Observable<HostInterfacesResponse> {
    return this.http.get<HostInterfacesResponse>(apiUrl('hosts', id, 'interfaces'));
  }

  // GET /api/hosts answers a Page; its first page (the API's default: 500 hosts by name) for now.
  list(): Observable<HostSummary[]> {
    return this.http.get<Page<HostDetail>>(apiUrl('hosts')).pipe(map((page) => page.items));
  }

  // The console answers like a capture command ({ ok, error }); callers re-read the list after.
  refreshInterfaces(id: string): Observable<CaptureResponse> {
    return this.http.post<CaptureResponse>(apiUrl('hosts', id, 'interfaces', 'refresh'), {});
  }

  /** Per-second reports of one host between two epoch-ms instants. */
  stats(id: string, from: number, to: number): Observable<HostStatsWithAnalysisResponse> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<HostStatsWithAnalysisResponse>(apiUrl('hosts', id, 'stats'), { params });
  }
}
