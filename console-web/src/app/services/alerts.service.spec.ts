import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { page } from '../../testing/fleet-fixtures';
import { AlertsService } from './alerts.service';

describe(AlertsService.name, () => {
  let http: HttpTestingController;
  let sut: AlertsService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(AlertsService);
  });

  afterEach(() => http.verify());

  it('reads rules and the latest events', () => {
    let events: unknown[] = [];
    sut.rules().subscribe();
    sut.events(20).subscribe((list) => (events = list));
    http.expectOne('/api/alerts/rules?limit=500').flush(page([]));
    http.expectOne('/api/alerts/events?limit=20').flush(page([{ id: 'e1' }]));
    expect(events).toEqual([{ id: 'e1' }]);
  });

  it('creates, enables or disables, and deletes a rule', () => {
    sut.createRule({ kind: 'host-offline', name: 'down' }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/alerts/rules' }).request.body).toEqual({
      kind: 'host-offline',
      name: 'down',
    });
    sut.setEnabled('r1', false).subscribe();
    expect(http.expectOne({ method: 'PATCH', url: '/api/alerts/rules/r1' }).request.body).toEqual({
      enabled: false,
    });
    sut.deleteRule('r1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/alerts/rules/r1' }).flush(null);
  });
});
