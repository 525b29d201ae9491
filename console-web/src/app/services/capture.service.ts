import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaptureRequest, CaptureResponse } from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

@Injectable({ providedIn: 'root' })
export class CaptureService {
  private readonly http = inject(HttpClient);

  /** Without an interface the agent picks its default one. */
  start(hostId: string, iface?: string): Observable<CaptureResponse> {
    const body: CaptureRequest = iface ? { interface: iface } : {};
    return this.http.post<CaptureResponse>(apiUrl('hosts', hostId, 'capture', 'start'), body);
  }

  stop(hostId: string): Observable<CaptureResponse> {
    return this.http.post<CaptureResponse>(apiUrl('hosts', hostId, 'capture', 'stop'), {});
  }
}
