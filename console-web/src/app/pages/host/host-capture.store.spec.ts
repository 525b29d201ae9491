import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaptureState } from '@nta/contracts';
import { host } from '../../../testing/fixtures';
import { HostCaptureStore } from './host-capture.store';

describe(HostCaptureStore.name, () => {
  const state = (iface: string, running: boolean): CaptureState => ({
    error: null,
    filter: null,
    interface: iface,
    running,
    startedAt: running ? 1 : null,
  });
  let http: HttpTestingController;
  let sut: HostCaptureStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [HostCaptureStore, provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(HostCaptureStore);
  });

  afterEach(() => http.verify());

  it('patches only the interface the answer is about', () => {
    sut.host.set(host({ captures: [state('eth0', true), state('eth1', false)] }));
    sut.start('agent-1', 'eth1');
    expect(sut.busy()).toEqual({ action: 'start', iface: 'eth1' });
    http
      .expectOne('/api/hosts/agent-1/capture/start')
      .flush({ capture: state('eth1', true), error: null, host: 'agent-1', ok: true });

    expect(sut.busy()).toBeNull();
    const running = sut.captures().filter((c) => c.running);
    expect(running.map((c) => c.interface).sort()).toEqual(['eth0', 'eth1']);
  });

  it('says the single capture of a console without captures[]', () => {
    sut.host.set(host({ capture: state('eth0', true) }));
    expect(sut.captures()).toEqual([state('eth0', true)]);
    sut.stop('agent-1', 'eth0');
    http
      .expectOne('/api/hosts/agent-1/capture/stop')
      .flush({ capture: state('eth0', false), error: null, host: 'agent-1', ok: true });
    expect(sut.captures()).toEqual([state('eth0', false)]);
  });

  it('keeps filter errors apart from capture errors', () => {
    sut.host.set(host({ captures: [state('eth0', true)] }));
    sut.setFilter('agent-1', 'eth0', 'bogus');
    http
      .expectOne('/api/hosts/agent-1/capture/filter')
      .flush({ message: 'bad filter' }, { status: 400, statusText: 'Bad Request' });
    expect(sut.filterError()).toContain('bad filter');
    expect(sut.captureError()).toBeNull();
  });
});
