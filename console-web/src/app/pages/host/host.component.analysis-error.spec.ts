import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { flow, host, report } from '../../../testing/fixtures';
import { LiveService } from '../../services/live.service';
import { HostComponent } from './host.component';

describe(`${HostComponent.name} when the analysis routes fail`, () => {
  it('says so once and keeps the panels live', async () => {
    const live = new FakeLiveService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: LiveService, useValue: live },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentRef.setInput('id', 'agent-1');
    await fixture.whenStable();
    http.expectOne('/api/hosts/agent-1').flush(host());
    http
      .expectOne('/api/hosts/agent-1/interfaces')
      .flush({ host: 'agent-1', interfaces: [], updatedAt: null });
    http
      .expectOne((r) => r.url === '/api/hosts/agent-1/stats')
      .flush({ from: 0, host: 'agent-1', points: [], to: 0, totals: { bytes: 0, packets: 0 } });
    http
      .expectOne('/api/hosts/agent-1/names')
      .flush(
        { code: 'INTERNAL', message: 'database unavailable', statusCode: 503 },
        { status: 503, statusText: 'Service Unavailable' },
      );
    http.expectOne('/api/hosts/agent-1/packets?limit=500').flush({
      host: 'agent-1',
      interface: null,
      packets: [
        {
          dst: 'b',
          info: 'kept',
          interface: 'eth0',
          length: 60,
          protocol: 'UDP',
          seq: 0,
          src: 'a',
          ts: 1,
        },
      ],
    });
    live.reportEvents.next({ ...report(1, Date.now()), flows: [flow({ bPort: 22 })] });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('[data-test=analysis-error]')?.textContent).toContain(
      'database unavailable',
    );
    expect(el.querySelector('nta-flows-table')?.textContent).toContain('93.184.216.34:22');
    expect(el.querySelector('nta-packet-table td.info')?.textContent).toBe('kept');
    http.verify();
  });
});
