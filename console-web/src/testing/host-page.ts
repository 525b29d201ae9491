import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { HostInterfacesResponse, HostSummary } from '@nta/contracts';
import { HostComponent } from '../app/pages/host/host.component';
import { LiveService } from '../app/services/live.service';
import { PermissionsService } from '../app/services/permissions.service';
import { FakeLiveService } from './fake-live.service';
import { host } from './fixtures';

export const INTERFACES: HostInterfacesResponse = {
  host: 'agent-1',
  interfaces: [
    {
      addresses: [{ address: '10.0.0.5', family: 'IPv4', netmask: '255.255.255.0' }],
      description: null,
      isDefault: true,
      mac: null,
      mtu: 1500,
      name: 'eth0',
      up: true,
    },
    {
      addresses: [],
      description: null,
      isDefault: false,
      mac: null,
      mtu: 1500,
      name: 'eth1',
      up: false,
    },
  ],
  updatedAt: 1_700_000_000_000,
};

export interface HostPage {
  el: HTMLElement;
  fixture: ComponentFixture<HostComponent>;
  http: HttpTestingController;
  live: FakeLiveService;
  /** Clicks the element with this data-testid (inside `within` if given) and settles. */
  click(testid: string, within?: string): Promise<void>;
  find<T extends HTMLElement = HTMLElement>(selector: string): T | null;
}

/**
 * The host page on agent-1 with an empty history answered, as `admin` or `viewer`; the live
 * socket is a fake the spec pushes events into.
 */
export async function openHostPage(
  options: { admin?: boolean; host?: Partial<HostSummary> } = {},
): Promise<HostPage> {
  const live = new FakeLiveService();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      { provide: LiveService, useValue: live },
      { provide: PermissionsService, useValue: { canAdmin: signal(options.admin ?? true) } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(HostComponent);
  fixture.componentRef.setInput('id', 'agent-1');
  await fixture.whenStable();
  http.expectOne('/api/hosts/agent-1').flush(host(options.host));
  http.expectOne('/api/hosts/agent-1/interfaces').flush(INTERFACES);
  http
    .expectOne((r) => r.url === '/api/hosts/agent-1/stats')
    .flush({ from: 0, host: 'agent-1', points: [], to: 0, totals: { bytes: 0, packets: 0 } });
  http.expectOne('/api/hosts/agent-1/names').flush({ host: 'agent-1', names: {} });
  http
    .expectOne((r) => r.url === '/api/hosts/agent-1/packets')
    .flush({ host: 'agent-1', interface: null, packets: [] });
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  return {
    el,
    fixture,
    http,
    live,
    async click(testid, within) {
      const scope = within ? el.querySelector(within) : el;
      const target = scope?.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
      if (!target) throw new Error(`no [data-testid="${testid}"] in ${within ?? 'the page'}`);
      target.click();
      await fixture.whenStable();
    },
    find: (selector) => el.querySelector(selector),
  };
}
