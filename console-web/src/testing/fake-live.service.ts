import { signal } from '@angular/core';
import type { HostSummary, StatsReport } from '@nta/contracts';
import { Observable, Subject, filter } from 'rxjs';
import type { LiveState } from '../app/services/live.service';

/** Stands in for LiveService: specs push `host` and `report` events by hand. */
export class FakeLiveService {
  readonly error = signal<string | null>(null);
  readonly hostEvents = new Subject<HostSummary>();
  readonly hosts$ = this.hostEvents.asObservable();
  readonly reportEvents = new Subject<StatsReport>();
  readonly state = signal<LiveState>('connected');
  readonly subscribedHosts: string[] = [];

  reports(hostId: string): Observable<StatsReport> {
    this.subscribedHosts.push(hostId);
    return this.reportEvents.pipe(filter((report) => report.agentId === hostId));
  }
}
