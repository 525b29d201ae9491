import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CaptureState, PacketSample } from '@nta/contracts';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { flow, host, report, talker } from '../../../testing/fixtures';
import { INTERFACES } from '../../../testing/host-page';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import { HostComponent } from './host.component';

describe(HostComponent.name, () => {
  const now = Date.now();
  const running: CaptureState = {
    error: null,
    filter: null,
    interface: 'eth1',
    running: true,
    startedAt: now,
  };
  const interfaces = INTERFACES;
  const remote = '93.184.216.34';
  const packet = (info: string): PacketSample => ({
    dst: remote,
    info,
    length: 60,
    protocol: 'TLS',
    src: '10.0.0.5',
    ts: now - 500,
  });
  let fixture: ComponentFixture<HostComponent>;
  let http: HttpTestingController;
  let live: FakeLiveService;

  const el = () => fixture.nativeElement as HTMLElement;
  const button = (label: string) =>
    [...el().querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
  const rowButton = (iface: string, testid: string) =>
    el().querySelector<HTMLButtonElement>(
      `[data-testid="iface-${iface}"] [data-testid="${testid}"]`,
    )!;

  beforeEach(async () => {
    live = new FakeLiveService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: LiveService, useValue: live },
        { provide: PermissionsService, useValue: { canAdmin: signal(true) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentRef.setInput('id', 'agent-1');
    await fixture.whenStable();
    http.expectOne('/api/hosts/agent-1').flush(host());
    http.expectOne('/api/hosts/agent-1/interfaces').flush(interfaces);
    const stats = http.expectOne((r) => r.url === '/api/hosts/agent-1/stats');
    expect(Number(stats.request.params.get('to')) - Number(stats.request.params.get('from'))).toBe(
      120_000,
    );
    stats.flush({
      from: now - 120_000,
      host: 'agent-1',
      points: [{ ...report(7, now - 1000), bytes: 1000, packets: 10 }],
      to: now,
      totals: { bytes: 1000, packets: 10 },
    });
    await fixture.whenStable();
    http
      .expectOne('/api/hosts/agent-1/names')
      .flush({ host: 'agent-1', names: { [remote]: 'ex.com' } });
    http.expectOne('/api/hosts/agent-1/packets?limit=500').flush({
      host: 'agent-1',
      interface: null,
      packets: [
        { ...packet('stored'), interface: 'eth0', seq: 7 },
        { ...packet('stored before'), interface: 'eth0', seq: 6 },
      ],
    });
    const flows = http.expectOne((r) => r.url === '/api/hosts/agent-1/flows');
    const talkers = http.expectOne((r) => r.url === '/api/hosts/agent-1/talkers');
    // Exactly the stored seconds the live window holds, in agent time.
    expect(flows.request.params.get('from')).toBe(String(now - 1000 - 60_000));
    expect(flows.request.params.get('to')).toBe(String(now - 1000 - 1));
    expect(talkers.request.params.get('to')).toBe(String(now - 1000 - 1));
    flows.flush({ flows: [flow()], omitted: 0, others: { bytes: 500, packets: 5 } });
    talkers.flush({
      local: [],
      localOther: { bytes: 0, packets: 0 },
      omitted: { local: 0, remote: 0 },
      remote: [talker(remote, { bytesIn: 1000, packetsIn: 2 })],
      remoteOther: { bytes: 0, packets: 0 },
    });
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the host, its interfaces, and the traffic history', () => {
    expect(el().querySelector('h1')?.textContent).toBe('web-1');
    expect(el().querySelector('[data-test=online]')?.textContent?.trim()).toBe('online');
    expect(el().textContent).toContain('10.0.0.5');
    expect(el().querySelector<HTMLInputElement>('input[value=eth0]')?.checked).toBeTrue();
    expect(el().querySelectorAll('ngx-charts-line-chart').length).toBe(2);
    expect(live.subscribedHosts).toEqual(['agent-1']);
  });

  it('starts the capture on the chosen interface and shows the new state', async () => {
    rowButton('eth1', 'iface-start').click();
    await fixture.whenStable();

    const req = http.expectOne('/api/hosts/agent-1/capture/start');
    expect(req.request.body).toEqual({ interface: 'eth1' });
    expect(button('Starting…').disabled).toBeTrue();
    req.flush({ capture: running, error: null, host: 'agent-1', ok: true });
    await fixture.whenStable();

    expect(el().querySelector('[data-testid=capture-state]')?.textContent).toContain('eth1');
    expect(el().querySelector('[data-testid=iface-eth1]')?.getAttribute('data-capturing')).toBe(
      'yes',
    );
    expect(rowButton('eth1', 'iface-stop').disabled).toBeFalse();
    expect(el().querySelector('[data-testid=capture-error]')).toBeNull();
  });

  it("shows the agent's refusal inline", async () => {
    rowButton('eth0', 'iface-start').click();
    await fixture.whenStable();
    const refusal = "eth0: You don't have permission to capture on that device (CAP_NET_RAW)";
    http.expectOne('/api/hosts/agent-1/capture/start').flush({
      capture: { ...running, error: refusal, running: false, startedAt: null },
      error: refusal,
      host: 'agent-1',
      ok: false,
    });
    await fixture.whenStable();

    expect(el().querySelector('[data-testid=capture-error]')?.textContent).toContain(refusal);
    expect(rowButton('eth0', 'iface-start').disabled).toBeFalse();
  });

  it('stops the capture and shows an API error inline', async () => {
    live.hostEvents.next(host({ capture: running }));
    await fixture.whenStable();
    rowButton('eth1', 'iface-stop').click();
    await fixture.whenStable();
    http
      .expectOne(
        (r) =>
          r.url === '/api/hosts/agent-1/capture/stop' &&
          (r.body as { interface?: string }).interface === 'eth1',
      )
      .flush(
        { code: 'AGENT_TIMEOUT', message: 'agent-1 did not answer within 5 s', statusCode: 504 },
        { status: 504, statusText: 'Gateway Timeout' },
      );
    await fixture.whenStable();

    expect(el().querySelector('[data-testid=capture-error]')?.textContent).toContain(
      'did not answer within 5 s',
    );
  });

  it('adds live reports to the chart and the transport table', async () => {
    live.reportEvents.next(report(8, now, 42, 4200));
    live.reportEvents.next({ ...report(9, now + 1000), agentId: 'someone-else' });
    await fixture.whenStable();

    const table = el().querySelector('nta-transport-table')!;
    expect(table.textContent).toContain('42');
    expect(table.textContent).toContain('4.20 kB');
  });

  it('starts the analysis panels from the console, then adds live reports once each', async () => {
    const flowRow = () => el().querySelector('nta-flows-table tbody tr')!;
    expect(flowRow().querySelector('.name')?.textContent).toBe('ex.com');
    expect(el().querySelector('nta-flows-table [data-test=total]')?.textContent).toContain(
      '1.60 kB',
    );
    expect(el().querySelector('nta-talkers-table tr[data-address="93.184.216.34"]')).not.toBeNull();

    // The window's last stored second comes again live: counted once. The next one adds.
    const again = { ...report(7, now - 1000), flows: [flow()] };
    live.reportEvents.next(again);
    live.reportEvents.next({ ...report(10, now), flows: [flow()], samples: [packet('new')] });
    await fixture.whenStable();

    expect(el().querySelector('nta-flows-table [data-test=total]')?.textContent).toContain(
      '2.70 kB',
    );
    const infos = [...el().querySelectorAll('nta-packet-table td.info')].map(
      (td) => td.textContent,
    );
    expect(infos).toEqual(['new', 'stored', 'stored before']);
  });

  it('feeds live reports to the analysis panels', async () => {
    live.reportEvents.next({
      ...report(8, now, 42, 4200),
      applications: { ssh: { bytes: 4200, packets: 42 } },
      flows: [flow({ application: 'ssh', bPort: 22 })],
      samples: [
        { dst: '10.0.0.9', info: 'SSH-2.0', length: 80, protocol: 'SSH', src: '10.0.0.5', ts: now },
      ],
      talkers: {
        local: [talker('10.0.0.5', { bytesOut: 4200, packetsOut: 42 })],
        localOther: { bytes: 0, packets: 0 },
        remote: [],
        remoteOther: { bytes: 0, packets: 0 },
      },
    });
    await fixture.whenStable();

    expect(el().querySelector('nta-protocol-pie tr[data-name=tcp]')).not.toBeNull();
    expect(el().querySelector('nta-application-chart tr[data-name=ssh]')).not.toBeNull();
    expect(el().querySelector('nta-flows-table tbody')?.textContent).toContain('93.184.216.34:22');
    expect(el().querySelector('nta-talkers-table tr[data-address="10.0.0.5"]')).not.toBeNull();
    expect(el().querySelector('nta-packet-table td.info')?.textContent).toBe('SSH-2.0');
    expect(el().querySelector('nta-quality-panel [data-test=coverage]')?.textContent).toContain(
      '52 captured',
    );
  });

  it('follows host events: offline disables Start', async () => {
    live.hostEvents.next(host({ online: false }));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=online]')?.textContent?.trim()).toBe('offline');
    expect(rowButton('eth0', 'iface-start').disabled).toBeTrue();
  });

  it('asks the agent to relist its interfaces, then shows the new list', async () => {
    button('Refresh list').click();
    await fixture.whenStable();
    http
      .expectOne('/api/hosts/agent-1/interfaces/refresh')
      .flush({ capture: null, error: null, host: 'agent-1', ok: true });
    http.expectOne('/api/hosts/agent-1/interfaces').flush({
      ...interfaces,
      interfaces: [{ ...interfaces.interfaces[0], name: 'enp3s0' }],
    });
    await fixture.whenStable();

    expect(el().querySelector('input[value=enp3s0]')).not.toBeNull();
    expect(el().querySelector('input[value=eth1]')).toBeNull();
  });
});
