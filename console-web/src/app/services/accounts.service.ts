import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApiTokenSummary,
  CreateApiTokenRequest,
  CreateUserRequest,
  CreatedApiToken,
  Page,
  UpdateUserRequest,
  UserSummary,
} from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { pageItems } from './page';

const LIST = { limit: 500 };

/** Users and API tokens (admin routes). */
@Injectable({ providedIn: 'root' })
export class AccountsService {
  private readonly http = inject(HttpClient);

  apiTokens(): Observable<ApiTokenSummary[]> {
    return pageItems(this.http.get<Page<ApiTokenSummary>>(apiUrl('api-tokens'), { params: LIST }));
  }

  createApiToken(request: CreateApiTokenRequest): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>(apiUrl('api-tokens'), request);
  }

  createUser(request: CreateUserRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>(apiUrl('users'), request);
  }

  deleteUser(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('users', id));
  }

  revokeApiToken(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('api-tokens', id));
  }

  updateUser(id: string, request: UpdateUserRequest): Observable<UserSummary> {
    return this.http.patch<UserSummary>(apiUrl('users', id), request);
  }

  users(): Observable<UserSummary[]> {
    return pageItems(this.http.get<Page<UserSummary>>(apiUrl('users'), { params: LIST }));
  }
}
