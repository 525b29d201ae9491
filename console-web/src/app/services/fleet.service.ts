import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FleetSummary, HostDetail, HostListQuery, Page } from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

// The fleet page loads every host once and filters in the browser; the API allows up to 1000.
export const FLEET_PAGE_LIMIT = 1000;

/** The fleet routes: the paged host list with names, groups and labels, and the fleet summary. */
@Injectable({ providedIn: 'root' })
export class FleetService {
  private readonly http = inject(HttpClient);

  hosts(query: Partial<HostListQuery> = {}): Observable<Page<HostDetail>> {
    let params = new HttpParams().set('limit', query.limit ?? FLEET_PAGE_LIMIT);
    for (const key of ['group', 'label', 'offset', 'online', 'search', 'sort'] as const) {
      const value = query[key];
      if (value !== undefined) params = params.set(key, value);
    }
    return this.http.get<Page<HostDetail>>(apiUrl('hosts'), { params });
  }

  summary(): Observable<FleetSummary> {
    return this.http.get<FleetSummary>(apiUrl('fleet', 'summary'));
  }
}
