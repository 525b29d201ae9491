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

  it('stops', () => {
    sut.stop('a1').subscribe();
    expect(http.expectOne('/api/hosts/a1/capture/stop').request.method).toBe('POST');
  });
});
