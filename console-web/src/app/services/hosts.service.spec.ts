import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HostsService } from './hosts.service';

describe(HostsService.name, () => {
  let http: HttpTestingController;
  let sut: HostsService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(HostsService);
  });

  afterEach(() => http.verify());

  it('reads the host list, one host and its interfaces', () => {
    let listed: unknown;
    sut.list().subscribe((hosts) => (listed = hosts));
    sut.get('a1').subscribe();
    sut.interfaces('a1').subscribe();
    http
      .expectOne({ method: 'GET', url: '/api/hosts' })
      .flush({ items: [{ id: 'h1' }], limit: 500, offset: 0, total: 1 });
    expect(listed).toEqual([{ id: 'h1' }]);
    http.expectOne({ method: 'GET', url: '/api/hosts/a1' }).flush({});
    http.expectOne({ method: 'GET', url: '/api/hosts/a1/interfaces' }).flush({});
  });

  it('encodes the host id so it cannot change the path', () => {
    sut.get('../auth?x=1').subscribe();
    http.expectOne('/api/hosts/..%2Fauth%3Fx%3D1').flush({});
  });

  it('asks for stats between two epoch-ms instants', () => {
    sut.stats('a1', 1000, 2000).subscribe();
    const req = http.expectOne((r) => r.url === '/api/hosts/a1/stats');
    expect(req.request.params.get('from')).toBe('1000');
    expect(req.request.params.get('to')).toBe('2000');
    req.flush({ from: 1000, host: 'a1', points: [], to: 2000, totals: { bytes: 0, packets: 0 } });
  });

  it('asks the agent to relist its interfaces', () => {
    sut.refreshInterfaces('a1').subscribe();
    expect(http.expectOne('/api/hosts/a1/interfaces/refresh').request.method).toBe('POST');
  });
});
