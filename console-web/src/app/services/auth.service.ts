import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, LoginResponse } from '@nta/contracts';
import { Observable, tap } from 'rxjs';
import { apiUrl } from './api-url';
import { SessionStore } from './session.store';

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);

  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http
      .post<LoginResponse>(apiUrl('auth', 'login'), request)
      .pipe(tap((response) => this.session.save(response)));
  }

  logout(): void {
    this.session.clear();
    void this.router.navigate(['/login']);
  }
}
