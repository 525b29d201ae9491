import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type {
  HostFlowsResponse,
  HostNamesResponse,
  HostPacketsResponse,
  HostTalkersResponse,
} from './analysis-api';
import { apiUrl } from './api-url';

/** The console's analysis routes for one host: top flows and talkers, names, sampled packets. */
@Injectable({ providedIn: 'root' })
export class AnalysisService {
  private readonly http = inject(HttpClient);

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
}
