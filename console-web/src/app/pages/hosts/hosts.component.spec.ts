import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { host } from '../../../testing/fixtures';
import { LiveService } from '../../services/live.service';
import { HostsComponent } from './hosts.component';

describe(HostsComponent.name, () => {
  let fixture: ComponentFixture<HostsComponent>;
  let http: HttpTestingController;
  let live: FakeLiveService;

  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`tr[data-host="${id}"]`);

  beforeEach(async () => {
    live = new FakeLiveService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: live },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostsComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows a loading state, then one row per host', async () => {
    expect(el().querySelector('[data-test=loading]')).not.toBeNull();
    http
      .expectOne('/api/hosts')
      .flush([
        host({ id: 'a1', hostname: 'web-1', rate: { bytesPerSec: 2000, packetsPerSec: 12 } }),
        host({ hostname: null, id: 'a2', online: false }),
      ]);
    await fixture.whenStable();

    expect(el().querySelector('[data-test=loading]')).toBeNull();
    expect(row('a1')?.textContent).toContain('web-1');
    expect(row('a1')?.textContent).toContain('online');
    expect(row('a1')?.querySelector('[data-test=pps]')?.textContent?.trim()).toBe('12');
    expect(row('a1')?.querySelector('[data-test=bps]')?.textContent?.trim()).toBe('2.00 kB/s');
    expect(row('a2')?.textContent).toContain('offline');
    expect(el().textContent).toContain('1 of 2 online');
  });

  it('updates the live rate and state from host events', async () => {
    http.expectOne('/api/hosts').flush([host({ id: 'a1' })]);
    await fixture.whenStable();

    live.hostEvents.next(host({ id: 'a1', rate: { bytesPerSec: 1_500_000, packetsPerSec: 987 } }));
    live.hostEvents.next(host({ hostname: 'new-box', id: 'a3' }));
    await fixture.whenStable();

    expect(row('a1')?.querySelector('[data-test=pps]')?.textContent?.trim()).toBe('987');
    expect(row('a1')?.querySelector('[data-test=bps]')?.textContent?.trim()).toBe('1.50 MB/s');
    expect(row('a3')?.textContent).toContain('new-box');
  });

  it('shows an empty state without hosts', async () => {
    http.expectOne('/api/hosts').flush([]);
    await fixture.whenStable();
    expect(el().textContent).toContain('No hosts yet.');
  });

  it('shows the error and retries', async () => {
    http
      .expectOne('/api/hosts')
      .flush(
        { code: 'INTERNAL', message: 'database down', statusCode: 500 },
        { status: 500, statusText: 'Server Error' },
      );
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('database down');

    el().querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await fixture.whenStable();
    http.expectOne('/api/hosts').flush([host({ id: 'a1' })]);
    await fixture.whenStable();
    expect(row('a1')).not.toBeNull();
  });
});
