import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CaptureService } from './capture.service';

describe(CaptureService.name, () => {
  let http: HttpTestingController;
  let sut: CaptureService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(CaptureService);
  });

  afterEach(() => http.verify());

  it('starts on the chosen interface, or lets the agent pick', () => {
    sut.start('a1', 'eth0').subscribe();
    sut.start('a2').subscribe();
    expect(http.expectOne('/api/hosts/a1/capture/start').request.body).toEqual({
      interface: 'eth0',
    });
    expect(http.expectOne('/api/hosts/a2/capture/start').request.body).toEqual({});
  });

  it('stops one interface, or every capture', () => {
    sut.stop('a1', 'eth1').subscribe();
    sut.stop('a2').subscribe();
    const one = http.expectOne('/api/hosts/a1/capture/stop');
    expect(one.request.method).toBe('POST');
    expect(one.request.body).toEqual({ interface: 'eth1' });
    expect(http.expectOne('/api/hosts/a2/capture/stop').request.body).toEqual({});
  });

  it('switches to one interface', () => {
    sut.switch('a1', 'wlan0').subscribe();
    const req = http.expectOne('/api/hosts/a1/capture/switch');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ interface: 'wlan0' });
  });

  it('sets a filter on one interface and clears it with null', () => {
    sut.setFilter('a1', 'tcp port 443', 'eth0').subscribe();
    sut.setFilter('a1', null).subscribe();
    const [set, clear] = http.match('/api/hosts/a1/capture/filter');
    expect(set.request.body).toEqual({ filter: 'tcp port 443', interface: 'eth0' });
    expect(clear.request.body).toEqual({ filter: null });
  });

  it('hands back the agent refusal as the answer, for the page to show', () => {
    let error: string | null = null;
    sut.setFilter('a1', 'tcp port').subscribe((res) => (error = res.error));
    http.expectOne('/api/hosts/a1/capture/filter').flush({
      capture: null,
      error: 'syntax error in filter expression',
      host: 'a1',
      ok: false,
    });
    expect(error as string | null).toBe('syntax error in filter expression');
  });
});
