import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { buttonByText } from '../../../../testing/dom';
import { FakeLiveService } from '../../../../testing/fake-live.service';
import { page } from '../../../../testing/fleet-fixtures';
import { LiveService } from '../../../services/live.service';
import { alertEvent } from './alert-fixtures';
import { AlertHistoryComponent } from './alert-history.component';

const LIST_URL = '/api/alerts/events?limit=100';

describe(AlertHistoryComponent.name, () => {
  let fixture: ComponentFixture<AlertHistoryComponent>;
  let http: HttpTestingController;
  let live: FakeLiveService;
  const el = () => fixture.nativeElement as HTMLElement;
  const ids = () =>
    [...el().querySelectorAll<HTMLElement>('[data-event]')].map((r) => r.dataset['event']);
  const state = (id: string) =>
    el().querySelector(`[data-event="${id}"] .badge`)?.textContent?.trim();

  beforeEach(async () => {
    live = new FakeLiveService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LiveService, useValue: live },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AlertHistoryComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists firings newest first and follows live alerts', async () => {
    expect(el().querySelector('[data-test=loading]')).not.toBeNull();
    http
      .expectOne(LIST_URL)
      .flush(
        page([
          alertEvent({ firedAt: 1000, id: 'e1', resolvedAt: 2000 }),
          alertEvent({ firedAt: 3000, id: 'e2' }),
        ]),
      );
    await fixture.whenStable();
    expect(ids()).toEqual(['e2', 'e1']);
    expect([state('e2'), state('e1')]).toEqual(['firing', 'resolved']);

    live.alertEvents.next(alertEvent({ firedAt: 3000, id: 'e2', resolvedAt: 4000 }));
    live.alertEvents.next(alertEvent({ firedAt: 5000, id: 'e3' }));
    await fixture.whenStable();
    expect(ids()).toEqual(['e3', 'e2', 'e1']);
    expect(state('e2')).toBe('resolved');
  });

  it('shows empty and error states', async () => {
    http.expectOne(LIST_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('503');
    buttonByText(el(), 'Retry')!.click();
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=events-empty]')).not.toBeNull();
  });
});
