import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AnalysisService } from './analysis.service';

describe(AnalysisService.name, () => {
  let http: HttpTestingController;
  let sut: AnalysisService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(AnalysisService);
  });

  afterEach(() => http.verify());

  it('asks for top flows and talkers over a range with a row limit', () => {
    sut.flows('a/1', 1000, 2000, 25).subscribe();
    sut.talkers('a/1', 1000, 2000, 10).subscribe();
    const flows = http.expectOne((r) => r.url === '/api/hosts/a%2F1/flows');
    expect(flows.request.params.toString()).toBe('from=1000&limit=25&to=2000');
    flows.flush({});
    const talkers = http.expectOne((r) => r.url === '/api/hosts/a%2F1/talkers');
    expect(talkers.request.params.toString()).toBe('from=1000&limit=10&to=2000');
    talkers.flush({});
  });

  it('reads the learned names and the latest sampled packets', () => {
    sut.names('a1').subscribe();
    sut.packets('a1', 500).subscribe();
    http.expectOne({ method: 'GET', url: '/api/hosts/a1/names' }).flush({});
    http.expectOne({ method: 'GET', url: '/api/hosts/a1/packets?limit=500' }).flush({});
  });

  it('asks for the protocol and application distributions over a range', () => {
    sut.transports('a1', 1000, 2000).subscribe();
    sut.applications('a1', 1000, 2000).subscribe();
    const transports = http.expectOne((r) => r.url === '/api/hosts/a1/transports');
    expect(transports.request.params.toString()).toBe('from=1000&to=2000');
    transports.flush({});
    const apps = http.expectOne((r) => r.url === '/api/hosts/a1/applications');
    expect(apps.request.params.toString()).toBe('from=1000&to=2000');
    apps.flush({});
  });
});
