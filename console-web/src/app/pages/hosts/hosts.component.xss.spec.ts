import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { FakePermissionsService } from '../../../testing/fake-permissions.service';
import { hostDetail, page } from '../../../testing/fleet-fixtures';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import { HostsComponent } from './hosts.component';

// Host names and labels come from agents and people: markup in them must show as text and
// never run.
describe(`${HostsComponent.name} with hostile host names`, () => {
  const hostile = '<script>window.__ntaXss = 1</script><img src=x onerror="window.__ntaXss = 2">';

  it('renders them as text', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: new FakeLiveService() },
        { provide: PermissionsService, useValue: new FakePermissionsService() },
      ],
    });
    const fixture = TestBed.createComponent(HostsComponent);
    await fixture.whenStable();
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne('/api/hosts?limit=1000')
      .flush(page([hostDetail({ displayName: hostile, group: hostile, id: 'evil' })]));
    http.expectOne('/api/fleet/summary').flush(null, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await fixture.whenStable();
    // Give an injected image a chance to fail loading and fire its handler.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('[data-host="evil"] a')?.textContent).toBe(hostile);
    expect(el.querySelector('[data-host="evil"] .chip')?.textContent).toBe(hostile);
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect((window as unknown as { __ntaXss?: number }).__ntaXss).toBeUndefined();
  });
});
