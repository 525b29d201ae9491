import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { host } from '../../../testing/fixtures';
import { LiveService } from '../../services/live.service';
import { HostsComponent } from './hosts.component';

// Host names come from agents, i.e. from any machine holding the agent secret: markup in them
// must show as text and never run.
describe(`${HostsComponent.name} with hostile host names`, () => {
  const hostile = '<script>window.__ntaXss = 1</script><img src=x onerror="window.__ntaXss = 2">';

  it('renders them as text', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: new FakeLiveService() },
      ],
    });
    const fixture = TestBed.createComponent(HostsComponent);
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/hosts')
      .flush([host({ hostname: hostile, id: 'evil' })]);
    await fixture.whenStable();
    // Give an injected image a chance to fail loading and fire its handler.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('tr[data-host="evil"] a')?.textContent).toBe(hostile);
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect((window as unknown as { __ntaXss?: number }).__ntaXss).toBeUndefined();
  });
});
