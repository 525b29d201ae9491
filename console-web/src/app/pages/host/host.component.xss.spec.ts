import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { PacketSample, StatsReport } from '@nta/contracts';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { flow, host, report, talker } from '../../../testing/fixtures';
import { LiveService } from '../../services/live.service';
import { HostComponent } from './host.component';

// Packet info and DNS names are copied from the wire: anyone on the network can put markup in
// them. The page must show it as text and never run it.
describe(`${HostComponent.name} with hostile packets and DNS names`, () => {
  const hostile = (tag: string) =>
    `<script>window.__ntaXss = '${tag}'</script><img src=x onerror="window.__ntaXss = '${tag}'">`;

  const sample = (info: string): PacketSample => ({
    dst: '10.0.0.5',
    info,
    length: 60,
    protocol: 'DNS',
    src: '198.51.100.7',
    ts: Date.now(),
  });

  it('renders them as text in every panel', async () => {
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
    http.expectOne('/api/hosts/agent-1/interfaces').flush({
      host: 'agent-1',
      interfaces: [],
      updatedAt: null,
    });
    http
      .expectOne((r) => r.url === '/api/hosts/agent-1/stats')
      .flush({
        from: 0,
        host: 'agent-1',
        points: [],
        to: 0,
        totals: { bytes: 0, packets: 0 },
      });
    http.expectOne('/api/hosts/agent-1/names').flush({
      host: 'agent-1',
      names: { '203.0.113.50': hostile('stored-name') },
    });
    http.expectOne('/api/hosts/agent-1/packets?limit=500').flush({
      host: 'agent-1',
      interface: null,
      packets: [{ ...sample(hostile('stored-info')), interface: 'eth0', seq: 0 }],
    });

    const base = report(1, Date.now());
    const evil: StatsReport = {
      ...base,
      applications: { [hostile('app')]: { bytes: 10, packets: 1 } },
      flows: [
        flow({ application: hostile('flow-app'), b: '198.51.100.7' }),
        flow({ a: '203.0.113.50', b: '198.51.100.8' }),
      ],
      names: { '198.51.100.7': hostile('dns-name') },
      quality: { ...base.quality, undecodableReasons: { [hostile('reason')]: 1 } },
      samples: [{ ...sample(hostile('info')), dst: hostile('dst') }],
      talkers: {
        local: [],
        localOther: { bytes: 0, packets: 0 },
        remote: [talker('198.51.100.7', { bytesIn: 10, name: hostile('talker'), packetsIn: 1 })],
        remoteOther: { bytes: 0, packets: 0 },
      },
    };
    live.reportEvents.next(evil);
    await fixture.whenStable();
    // Give an injected image a chance to fail loading and fire its handler.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('nta-packet-table td.info')?.textContent).toBe(hostile('info'));
    expect(el.querySelector('nta-packet-table tbody')?.textContent).toContain(hostile('dst'));
    expect(el.querySelector('nta-packet-table tbody')?.textContent).toContain(
      hostile('stored-info'),
    );
    expect(el.querySelector('nta-flows-table tbody')?.textContent).toContain(
      hostile('stored-name'),
    );
    expect(el.querySelector('nta-flows-table .name')?.textContent).toBe(hostile('dns-name'));
    expect(el.querySelector('nta-flows-table tbody')?.textContent).toContain(hostile('flow-app'));
    expect(el.querySelector('nta-talkers-table .name')?.textContent).toBe(hostile('talker'));
    expect(el.querySelector('nta-quality-panel [data-test=reasons]')?.textContent).toContain(
      hostile('reason'),
    );
    expect(el.querySelector('nta-application-chart .legend')?.textContent).toContain(
      hostile('app'),
    );
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect((window as unknown as { __ntaXss?: string }).__ntaXss).toBeUndefined();
    http.verify();
  });
});
