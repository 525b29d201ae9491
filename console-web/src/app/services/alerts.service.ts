import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AlertEvent, AlertRule, CreateAlertRuleRequest, Page } from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { pageItems } from './page';

/** Alert rules (writes are admin-only) and the history of firings. */
@Injectable({ providedIn: 'root' })
export class AlertsService {
  private readonly http = inject(HttpClient);

  createRule(request: CreateAlertRuleRequest): Observable<AlertRule> {
    return this.http.post<AlertRule>(apiUrl('alerts', 'rules'), request);
  }

  deleteRule(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('alerts', 'rules', id));
  }

  events(limit = 100): Observable<AlertEvent[]> {
    return pageItems(
      this.http.get<Page<AlertEvent>>(apiUrl('alerts', 'events'), { params: { limit } }),
    );
  }

  rules(): Observable<AlertRule[]> {
    return pageItems(
      this.http.get<Page<AlertRule>>(apiUrl('alerts', 'rules'), { params: { limit: 500 } }),
    );
  }

  setEnabled(id: string, enabled: boolean): Observable<AlertRule> {
    return this.http.patch<AlertRule>(apiUrl('alerts', 'rules', id), { enabled });
  }
}
