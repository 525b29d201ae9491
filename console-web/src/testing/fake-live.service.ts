import { signal } from '@angular/core';
import type { AlertEvent, FleetSummary, HostSummary, StatsReport } from '@nta/contracts';
import { Observable, Subject, filter, finalize } from 'rxjs';
import type { LiveState } from '../app/services/live.service';

/** Stands in for LiveService: specs push `host`, `report`, `fleet` and `alert` events by hand. */
export class FakeLiveService {
  readonly alertEvents = new Subject<AlertEvent>();
  readonly alerts$ = this.alertEvents.asObservable();
  readonly error = signal<string | null>(null);
  readonly fleetEvents = new Subject<FleetSummary>();
  fleetListeners = 0;
  readonly hostEvents = new Subject<HostSummary>();
  readonly hosts$ = this.hostEvents.asObservable();
  readonly reportEvents = new Subject<StatsReport>();
  readonly state = signal<LiveState>('connected');
  readonly subscribedHosts: string[] = [];

  fleet(): Observable<FleetSummary> {
    return new Observable<FleetSummary>((subscriber) => {
      this.fleetListeners++;
      return this.fleetEvents.subscribe(subscriber);
    }).pipe(finalize(() => this.fleetListeners--));
  }

  reports(hostId: string): Observable<StatsReport> {
    this.subscribedHosts.push(hostId);
    return this.reportEvents.pipe(filter((report) => report.agentId === hostId));
  }
}
