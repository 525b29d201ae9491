import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HostInterfacesResponse, HostStatsResponse, HostSummary } from '@nta/contracts';
import { Observable } from 'rxjs';
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

  list(): Observable<HostSummary[]> {
    return this.http.get<HostSummary[]>(apiUrl('hosts'));
  }

  // The answer's shape is the agent's business; callers re-read the list afterwards.
  refreshInterfaces(id: string): Observable<unknown> {
    return this.http.post<unknown>(apiUrl('hosts', id, 'interfaces', 'refresh'), {});
  }

  /** Per-second reports of one host between two epoch-ms instants. */
  stats(id: string, from: number, to: number): Observable<HostStatsResponse> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<HostStatsResponse>(apiUrl('hosts', id, 'stats'), { params });
  }
}
