import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HostDetail, Page } from '@nta/contracts';
import { fleetSummary, hostDetail, page } from '../../testing/fleet-fixtures';
import { FleetService } from './fleet.service';

describe(FleetService.name, () => {
  let http: HttpTestingController;
  let sut: FleetService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(FleetService);
  });

  afterEach(() => http.verify());

  it('reads the whole fleet as one page', () => {
    let answer: Page<HostDetail> | undefined;
    sut.hosts().subscribe((res) => (answer = res));
    http.expectOne('/api/hosts?limit=1000').flush(page([hostDetail({ id: 'a1' })]));
    expect(answer?.items.map((h) => h.id)).toEqual(['a1']);
  });

  it('passes the filters it is given, and only those', () => {
    sut.hosts({ group: 'prod', label: 'eu', limit: 50, online: 'true', sort: 'bytes' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/hosts');
    expect(req.request.params.toString()).toBe(
      'limit=50&group=prod&label=eu&online=true&sort=bytes',
    );
    req.flush(page([]));
  });

  it('reads the fleet summary', () => {
    sut.summary().subscribe();
    http.expectOne({ method: 'GET', url: '/api/fleet/summary' }).flush(fleetSummary());
  });
});
