import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { HostDetail, HostSummary } from '@nta/contracts';
import { type FleetRow, mergeSummary, rowFromDetail } from './fleet-row';

/** Runs a callback before the next paint; a token so specs can flush by hand. */
export type FrameScheduler = (callback: () => void) => () => void;

export const animationFrame: FrameScheduler = (callback) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

/**
 * The fleet's rows. Host events are collected and applied once per animation frame, so 500 hosts
 * reporting every second cost one signal write (and one render) per frame, not 500.
 */
@Injectable()
export class FleetStore {
  private cancelFrame: (() => void) | null = null;
  // Events that arrive while the list loads or between two frames; the latest per host wins
  // for the fields, each one still adds a sparkline sample.
  private readonly pending: HostSummary[] = [];
  private readonly state = signal<ReadonlyMap<string, FleetRow> | null>(null);

  schedule: FrameScheduler = animationFrame;

  readonly loaded = computed(() => this.state() !== null);
  readonly rows = computed(() => [...(this.state()?.values() ?? [])]);
  readonly total = signal(0);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.cancelFrame?.());
  }

  /** Queues a live update for the next frame. */
  apply(host: HostSummary): void {
    this.pending.push(host);
    if (this.state() && !this.cancelFrame) {
      this.cancelFrame = this.schedule(() => this.flush());
    }
  }

  reset(): void {
    this.state.set(null);
  }

  /** The REST list; events received meanwhile are replayed on top. */
  set(hosts: readonly HostDetail[], total: number): void {
    this.state.set(new Map(hosts.map((host) => [host.id, rowFromDetail(host)])));
    this.total.set(total);
    this.flush();
  }

  private flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    const current = this.state();
    if (!current || this.pending.length === 0) return;
    const next = new Map(current);
    let added = 0;
    for (const host of this.pending) {
      if (!next.has(host.id)) added++;
      next.set(host.id, mergeSummary(next.get(host.id), host));
    }
    this.pending.length = 0;
    this.state.set(next);
    if (added) this.total.update((total) => total + added);
  }
}
