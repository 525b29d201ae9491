import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type {
  HostApplicationsResponse,
  HostFlowsResponse,
  HostNamesResponse,
  HostPacketsResponse,
  HostTalkersResponse,
  HostTransportsResponse,
} from './analysis-api';
import { apiUrl } from './api-url';

const range = (from: number, to: number) => new HttpParams().set('from', from).set('to', to);

/**
 * The console's analysis routes for one host: distributions, top flows and talkers over a range,
 * names, sampled packets.
 */
@Injectable({ providedIn: 'root' })
export class AnalysisService {
  private readonly http = inject(HttpClient);

  applications(id: string, from: number, to: number): Observable<HostApplicationsResponse> {
    const params = range(from, to);
    return this.http.get<HostApplicationsResponse>(apiUrl('hosts', id, 'applications'), { params });
  }

  flows(id: string, from: number, to: number, limit: number): Observable<HostFlowsResponse> {
    const params = new HttpParams().set('from', from).set('limit', limit).set('to', to);
    return this.http.get<HostFlowsResponse>(apiUrl('hosts', id, 'flows'), { params });
  }

  names(id: string): Observable<HostNamesResponse> {
    return this.http.get<HostNamesResponse>(apiUrl('hosts', id, 'names'));
  }

  packets(id: string, limit: number): Observable<HostPacketsResponse> {
    const params = new HttpParams().set('limit', limit);
    return this.http.get<HostPacketsResponse>(apiUrl('hosts', id, 'packets'), { params });
  }

  talkers(id: string, from: number, to: number, limit: number): Observable<HostTalkersResponse> {
    const params = new HttpParams().set('from', from).set('limit', limit).set('to', to);
    return this.http.get<HostTalkersResponse>(apiUrl('hosts', id, 'talkers'), { params });
  }

  transports(id: string, from: number, to: number): Observable<HostTransportsResponse> {
    const params = range(from, to);
    return this.http.get<HostTransportsResponse>(apiUrl('hosts', id, 'transports'), { params });
  }
}
