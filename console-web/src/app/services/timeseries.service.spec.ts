import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TimeseriesResponse } from '@nta/contracts';
import { TimelineHistory, TimeseriesService } from './timeseries.service';

const RANGE = { from: 1000, step: 60, to: 3_601_000 };

function answer(metric: TimeseriesResponse['metric'], value: number): TimeseriesResponse {
  return {
    from: RANGE.from,
    metric,
    points: [{ t: RANGE.from, value }],
    resolution: '1m',
    scope: { group: null, host: 'h1' },
    step: RANGE.step,
    to: RANGE.to,
  };
}

describe(TimeseriesService.name, () => {
  let http: HttpTestingController;
  let sut: TimeseriesService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(TimeseriesService);
  });

  afterEach(() => http.verify());

  it('asks for one metric of one host over a range and step', () => {
    sut.series('h1', 'bytes', RANGE).subscribe();
    const req = http.expectOne((r) => r.url === '/api/timeseries');
    expect(req.request.params.get('host')).toBe('h1');
    expect(req.request.params.get('metric')).toBe('bytes');
    expect(req.request.params.get('from')).toBe('1000');
    expect(req.request.params.get('to')).toBe('3601000');
    expect(req.request.params.get('step')).toBe('60');
  });

  it('answers the timeline once bytes in, bytes out and packets have all arrived', () => {
    let result: TimelineHistory | undefined;
    sut.timeline('h1', RANGE).subscribe((r) => (result = r));
    const reqs = http.match((r) => r.url === '/api/timeseries');
    expect(reqs.map((r) => r.request.params.get('metric')).sort()).toEqual([
      'bytesIn',
      'bytesOut',
      'packets',
    ]);
    reqs[0].flush(answer('bytesIn', 5));
    reqs[1].flush(answer('bytesOut', 7));
    expect(result).toBeUndefined();
    reqs[2].flush(answer('packets', 9));
    expect(result?.bytesOut.points[0].value).toBe(7);
    expect(result?.packets.points[0].value).toBe(9);
  });
});
