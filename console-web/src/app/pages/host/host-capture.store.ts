import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaptureResponse, CaptureState, HostSummary } from '@nta/contracts';
import { Observable, finalize, switchMap, tap } from 'rxjs';
import type {
  CaptureAction,
  CaptureBusy,
} from '../../components/capture-panel/capture-panel.component';
import { apiErrorMessage } from '../../services/api-error';
import { CaptureService } from '../../services/capture.service';
import { HostsService } from '../../services/hosts.service';

/**
 * The host page's host and its capture control: one call at a time, the answer patched into the
 * host at once (the agent's status event confirms it soon after), errors kept for the panel.
 */
@Injectable()
export class HostCaptureStore {
  private readonly captureService = inject(CaptureService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly hostsService = inject(HostsService);

  readonly busy = signal<CaptureBusy | null>(null);
  readonly captureError = signal<string | null>(null);
  readonly filterError = signal<string | null>(null);
  readonly host = signal<HostSummary | null>(null);

  // Every interface's capture; a console without `captures` still says the first one.
  readonly captures = computed(() => {
    const host = this.host();
    return host?.captures ?? (host?.capture ? [host.capture] : []);
  });

  refresh(id: string, reload: () => Observable<unknown>): void {
    const call = this.hostsService.refreshInterfaces(id).pipe(
      tap((res) => {
        if (!res.ok) this.captureError.set(res.error ?? 'The agent could not list its interfaces.');
      }),
      switchMap(reload),
    );
    this.run({ action: 'refresh' }, call);
  }

  reset(): void {
    this.captureError.set(null);
    this.filterError.set(null);
    this.host.set(null);
  }

  setFilter(id: string, iface: string, filter: string | null): void {
    this.filterError.set(null);
    const call = this.captureService.setFilter(id, filter, iface);
    this.run({ action: 'filter', iface }, call, (res) => {
      if (res.capture) this.patch(res.capture);
      if (!res.ok) this.filterError.set(res.error ?? 'The agent refused the filter.');
    });
  }

  start(id: string, iface: string): void {
    const call = this.captureService.start(id, iface);
    this.run({ action: 'start', iface }, call, (res) => this.apply(res, 'start'));
  }

  stop(id: string, iface: string): void {
    const call = this.captureService.stop(id, iface);
    this.run({ action: 'stop', iface }, call, (res) => this.apply(res, 'stop'));
  }

  switch(id: string, iface: string): void {
    const call = this.captureService.switch(id, iface);
    this.run({ action: 'switch', iface }, call, (res) => {
      // Every other capture stopped; the status event brings the full list soon after.
      this.host.update((host) =>
        host ? { ...host, captures: host.captures?.map((c) => ({ ...c, running: false })) } : host,
      );
      this.apply(res, 'switch');
    });
  }

  private apply(response: CaptureResponse, action: CaptureAction): void {
    if (response.capture) this.patch(response.capture);
    if (!response.ok) {
      this.captureError.set(response.error ?? `The agent could not ${action} the capture.`);
    }
  }

  // The answer carries the state of the one interface the call was about.
  private patch(capture: CaptureState): void {
    this.host.update((host) => {
      if (!host) return host;
      const others = (host.captures ?? []).filter((c) => c.interface !== capture.interface);
      const captures = host.captures ? [...others, capture] : undefined;
      const first = captures?.find((c) => c.running) ?? capture;
      return { ...host, capture: first, ...(captures ? { captures } : {}) };
    });
  }

  private run<T>(busy: CaptureBusy, call: Observable<T>, done?: (value: T) => void): void {
    this.busy.set(busy);
    this.captureError.set(null);
    const errors = busy.action === 'filter' ? this.filterError : this.captureError;
    call
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (err: unknown) => errors.set(apiErrorMessage(err)),
        next: (value) => done?.(value),
      });
  }
}
