import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaptureRequest, CaptureResponse } from '@nta/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

/** Body of POST /api/hosts/:id/capture/filter: null clears the filter. */
export interface CaptureFilterRequest {
  filter: string | null;
  interface?: string;
}

/** Capture control on one host; the console relays each call to the agent as a command. */
@Injectable({ providedIn: 'root' })
export class CaptureService {
  private readonly http = inject(HttpClient);

  /** Without an interface the agent applies it to every running capture. */
  setFilter(hostId: string, filter: string | null, iface?: string): Observable<CaptureResponse> {
    const body: CaptureFilterRequest = iface ? { filter, interface: iface } : { filter };
    return this.post(hostId, 'filter', body);
  }

  /** Without an interface the agent picks its default one. */
  start(hostId: string, iface?: string): Observable<CaptureResponse> {
    return this.post(hostId, 'start', this.target(iface));
  }

  /** Without an interface the agent stops every capture. */
  stop(hostId: string, iface?: string): Observable<CaptureResponse> {
    return this.post(hostId, 'stop', this.target(iface));
  }

  /** Stops every capture, then captures on this interface only. */
  switch(hostId: string, iface: string): Observable<CaptureResponse> {
    return this.post(hostId, 'switch', { interface: iface });
  }

  private post(hostId: string, action: string, body: object): Observable<CaptureResponse> {
    return this.http.post<CaptureResponse>(apiUrl('hosts', hostId, 'capture', action), body);
  }

  private target(iface: string | undefined): CaptureRequest {
    return iface ? { interface: iface } : {};
  }
}
