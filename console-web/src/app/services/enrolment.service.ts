import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateEnrolmentTokenRequest,
  CreatedEnrolmentToken,
  EnrolledAgent,
  EnrolmentTokenSummary,
  Page,
} from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { pageItems } from './page';

// Lists are short; one page of the largest size the API allows.
const LIST = { limit: 500 };

/** Enrolment tokens (admin) and the agents that enrolled with them. */
@Injectable({ providedIn: 'root' })
export class EnrolmentService {
  private readonly http = inject(HttpClient);

  agents(): Observable<EnrolledAgent[]> {
    return pageItems(this.http.get<Page<EnrolledAgent>>(apiUrl('agents'), { params: LIST }));
  }

  createToken(request: CreateEnrolmentTokenRequest): Observable<CreatedEnrolmentToken> {
    return this.http.post<CreatedEnrolmentToken>(apiUrl('enrolment-tokens'), request);
  }

  revokeAgent(agentId: string): Observable<unknown> {
    return this.http.post(apiUrl('agents', agentId, 'revoke'), {});
  }

  revokeToken(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('enrolment-tokens', id));
  }

  tokens(): Observable<EnrolmentTokenSummary[]> {
    return pageItems(
      this.http.get<Page<EnrolmentTokenSummary>>(apiUrl('enrolment-tokens'), { params: LIST }),
    );
  }
}
